package dev.dtcharness.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DTC JSON encoding (2) and compact JSON (3): one object per message, {@code "Type"} first, the
 * spec's field names, enums as integers, unset fields left out (the receiver applies the spec
 * default). Compact JSON writes the high-frequency messages as {@code {"Type":3,"F":[...]}} in
 * binary field order and every other message as named JSON (FACTS.md 1.4). Readers accept both
 * forms, shorter and longer F arrays, and ignore fields the spec does not know (FACTS.md 1.8).
 */
public final class JsonFormat implements WireFormat {
    /** DTC JSON is flat; depth messages add one array level. Deeper input is hostile or broken. */
    static final int MAX_NESTING = 16;

    private final DtcSpec spec;
    private final boolean compact;
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build());

    public JsonFormat(DtcSpec spec) {
        this(spec, false);
    }

    private JsonFormat(DtcSpec spec, boolean compact) {
        this.spec = spec;
        this.compact = compact;
    }

    /** Compact JSON (encoding 3). */
    public static JsonFormat compact(DtcSpec spec) {
        return new JsonFormat(spec, true);
    }

    /**
     * Whether compact JSON sends this message in the F-array form: heartbeats, market data and
     * depth updates, historical price records (SC-PROTO "Compact JSON Encoding").
     */
    public static boolean usesArrayForm(MessageSpec m) {
        String n = m.name();
        return n.equals("HEARTBEAT") || n.equals("MARKET_DATA_SNAPSHOT")
                || n.startsWith("MARKET_DATA_UPDATE_") || n.startsWith("MARKET_DEPTH_SNAPSHOT_LEVEL")
                || n.startsWith("MARKET_DEPTH_UPDATE_LEVEL") || n.startsWith("MARKET_DEPTH_FULL_UPDATE_")
                || n.startsWith("HISTORICAL_PRICE_DATA_RECORD_RESPONSE")
                || n.startsWith("HISTORICAL_PRICE_DATA_TICK_RECORD_RESPONSE");
    }

    @Override
    public DtcEncoding encoding() {
        return compact ? DtcEncoding.JSON_COMPACT_ENCODING : DtcEncoding.JSON_ENCODING;
    }

    @Override
    public ByteBuf nextFrame(ByteBuf in, int maxFrame) {
        return DtcFraming.nextJsonFrame(in, maxFrame);
    }

    @Override
    public void writeFrame(DtcMessage m, ByteBuf out) {
        encode(m, out);
        out.writeByte(0);
    }

    /** Parses a frame (without its NUL) into a tree; fatal when it is not one JSON object. */
    public JsonNode parse(ByteBuf frame) {
        JsonNode root;
        try {
            root = mapper.readTree((InputStream) new ByteBufInputStream(frame));
        } catch (JsonProcessingException e) {
            throw new DtcCodecException("JSON frame does not parse: " + e.getOriginalMessage()
                    + " (expected: one JSON object per message, ended by a NUL byte)", true, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new DtcCodecException("JSON frame is " + (root == null ? "empty" : "a " + root.getNodeType())
                    + " (expected: one JSON object per message)", true);
        }
        return root;
    }

    /** Decodes one frame (without its NUL) into a {@link DtcMessage} or an {@link UnknownMessage}. */
    @Override
    public Object decode(ByteBuf frame) {
        int size = frame.readableBytes();
        return decode(parse(frame), size);
    }

    /** Decodes a parsed frame of {@code size} bytes. */
    public Object decode(JsonNode root, int size) {
        JsonNode typeNode = root.get("Type");
        if (typeNode == null || !typeNode.isIntegralNumber() || !typeNode.canConvertToInt()) {
            throw new DtcCodecException("JSON message has " + (typeNode == null ? "no Type field" : "Type " + typeNode)
                    + " (expected: \"Type\" with the message type number, e.g. 208 for SUBMIT_NEW_SINGLE_ORDER)", false);
        }
        MessageSpec ms = spec.messageOrNull(typeNode.intValue());
        if (ms == null) {
            return new UnknownMessage(typeNode.intValue(), encoding(), size);
        }
        DtcMessage m = new DtcMessage(ms);
        List<String> problems = new ArrayList<>();
        JsonNode array = root.get("F");
        List<FieldSpec> fields = ms.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            JsonNode v = array != null && array.isArray() ? array.get(i) : root.get(f.name());
            if (v == null || v.isNull()) {
                continue;
            }
            Object value = JsonValues.read(v, f);
            if (value == null) {
                problems.add(JsonValues.describeMismatch(ms, f, v));
            } else {
                m.putRaw(f, value);
            }
        }
        if (!problems.isEmpty()) {
            throw new DtcFieldException(String.join("; ", problems), m);
        }
        return m;
    }

    /** Appends the message as JSON (no NUL: {@link #writeFrame} adds it). */
    public void encode(DtcMessage m, ByteBuf out) {
        StringCapacity.check(m);
        boolean arrayForm = compact && usesArrayForm(m.spec());
        try (JsonGenerator g = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(out))) {
            g.writeStartObject();
            g.writeNumberField("Type", m.type());
            if (arrayForm) {
                g.writeArrayFieldStart("F");
                for (FieldSpec f : m.spec().fields()) {
                    writeValue(g, m.valueAt(f));
                }
                g.writeEndArray();
            } else {
                for (FieldSpec f : m.spec().fields()) {
                    Object v = m.rawValueAt(f);
                    if (v != null && !v.equals(f.defaultValue())) {
                        g.writeFieldName(f.name());
                        writeValue(g, v);
                    }
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeString((String) v);
        }
    }
}
