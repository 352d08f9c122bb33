package dev.dtcharness.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSlots;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
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
 * spec's field names, enums as integers, unset fields and fields at their spec default left out
 * (the receiver applies the spec default) unless set with {@link DtcMessage#setStated}. Compact
 * JSON writes the high-frequency messages as {@code {"Type":3,"F":[...]}} in binary field order
 * and every other message as named JSON (FACTS.md 1.4). Readers accept both forms, shorter and
 * longer F arrays, and ignore fields the spec does not know (FACTS.md 1.8).
 *
 * <p>One file over 300 lines: reading and writing share the per-message name tables and the
 * named/compact choice, which must agree.
 */
public final class JsonFormat implements WireFormat {
    private static final MessageSlots SLOTS = MessageSlots.forCodecs(CodecKey.KEY);
    /** DTC JSON is flat; depth messages add one array level. Deeper input is hostile or broken. */
    static final int MAX_NESTING = 16;

    private static final SerializedString TYPE = new SerializedString("Type");
    private static final SerializedString F = new SerializedString("F");

    private final DtcSpec spec;
    private final boolean compact;
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            // Correctly rounded like Double.parseDouble, so the same doubles, in a fraction of the time.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            // Python's json.dumps writes NaN and Infinity as bare tokens: read, they cost one message the receiver
            // refuses naming the field (a value no market has), not the whole stream taken for broken.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build());
    /** Per message type: its field names ready to write, and whether compact JSON sends it as an F array. */
    private final Names[] names;

    public JsonFormat(DtcSpec spec) {
        this(spec, false);
    }

    private JsonFormat(DtcSpec spec, boolean compact) {
        this.spec = spec;
        this.compact = compact;
        this.names = new Names[spec.messages().stream().mapToInt(MessageSpec::type).max().orElse(-1) + 1];
        for (MessageSpec m : spec.messages()) {
            names[m.type()] = new Names(m);
        }
    }

    /** A message's field names, quoted and UTF-8 encoded once, for the encoder. */
    private static final class Names {
        final MessageSpec spec;
        final SerializedString[] fields;
        final boolean arrayForm;

        Names(MessageSpec spec) {
            this.spec = spec;
            this.fields = spec.fields().stream().map(f -> new SerializedString(f.name())).toArray(SerializedString[]::new);
            this.arrayForm = usesArrayForm(spec);
        }
    }

    private Names names(MessageSpec m) {
        int t = m.type();
        Names n = t >= 0 && t < names.length ? names[t] : null;
        return n != null && n.spec == m ? n : new Names(m);
    }

    /**
     * Whether a JSON number with a fraction is read into this field as its whole part rather than refused:
     * the integer time fields, which clients fill from a clock that has fractions (Python's
     * {@code time.time()}). A heartbeat with {@code "CurrentDateTime": 1765000000.25} is still a heartbeat.
     */
    public static boolean readsFractionAsWhole(FieldSpec f) {
        return JsonValues.isWholeTime(f);
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
            // A ByteBuf cannot fail to read: this is Jackson refusing the bytes (a UCS-4 byte pattern, say).
            throw new DtcCodecException("JSON frame does not parse: " + e.getMessage()
                    + " (expected: one JSON object per message in UTF-8, ended by a NUL byte)", true, e);
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
        DtcMessage direct = decodeStreaming(frame);
        return direct != null ? direct : decode(parse(frame), size);
    }

    /**
     * The common case read straight from the token stream, with no tree in between: an object
     * that starts with an int "Type" of a known message, named fields of the right JSON types, and
     * unknown fields holding plain values. Anything else (Type later on or twice, the F array, a
     * value of the wrong type, nesting, bad JSON) returns null with the frame untouched, and
     * {@link #decode(JsonNode, int)} decides, so results and errors are exactly the tree path's.
     */
    private DtcMessage decodeStreaming(ByteBuf frame) {
        int readerIndex = frame.readerIndex();
        try (JsonParser p = frame.hasArray()
                ? mapper.getFactory().createParser(frame.array(), frame.arrayOffset() + readerIndex, frame.readableBytes())
                : mapper.getFactory().createParser((InputStream) new ByteBufInputStream(frame))) {
            if (p.nextToken() != JsonToken.START_OBJECT || !"Type".equals(p.nextFieldName())
                    || p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                return null;
            }
            MessageSpec ms = spec.messageOrNull(p.getIntValue());
            if (ms == null) {
                return null;
            }
            DtcMessage m = DtcMessage.of(ms);
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken token = p.nextToken();
                FieldSpec f = ms.fieldOrNull(name);
                if (f == null) {
                    if (name.equals("Type") || name.equals("F") || !readPlainValue(p, token)) {
                        return null;
                    }
                } else if (token == JsonToken.VALUE_NULL) {
                    SLOTS.putRaw(m, f, null);
                } else if (!readInto(p, token, f, m)) {
                    return null;
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            frame.readerIndex(readerIndex);
        }
    }

    /**
     * Stores the value {@link JsonValues#read} gives for this token, unboxed; false (nothing stored) for
     * anything it might judge otherwise.
     */
    private static boolean readInto(JsonParser p, JsonToken token, FieldSpec f, DtcMessage m) throws IOException {
        WireKind kind = f.kind();
        if (kind == WireKind.STRING) {
            if (token != JsonToken.VALUE_STRING) {
                return false;
            }
            SLOTS.putString(m, f, p.getText());
            return true;
        }
        if (kind.isFloatingPoint()) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && !isIntOrLong(p, token)) {
                return false;
            }
            SLOTS.putDouble(m, f, p.getDoubleValue());
            return true;
        }
        if (!isIntOrLong(p, token)) {
            return false;
        }
        long l = p.getLongValue();
        if (kind != WireKind.UINT64 && (l < kind.min() || l > kind.max())) {
            return false;
        }
        SLOTS.putLong(m, f, l);
        return true;
    }

    private static boolean isIntOrLong(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            return false;
        }
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** Reads an ignored field's value as fully as building the tree would; false for anything but a plain value. */
    private static boolean readPlainValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                // nothing more to read
            }
            default -> {
                return false;
            }
        }
        return true;
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
        DtcMessage m = DtcMessage.of(ms);
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
                SLOTS.putRaw(m, f, value);
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
        Names n = names(m.spec());
        List<FieldSpec> fields = m.spec().fields();
        try (JsonGenerator g = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(out))) {
            g.writeStartObject();
            g.writeFieldName(TYPE);
            g.writeNumber(m.type());
            if (compact && n.arrayForm) {
                g.writeFieldName(F);
                g.writeStartArray();
                for (FieldSpec f : fields) {
                    writeValue(g, m, f);
                }
                g.writeEndArray();
            } else {
                for (int i = 0, size = fields.size(); i < size; i++) {
                    FieldSpec f = fields.get(i);
                    if (m.isSet(f) && (!isDefault(m, f) || m.isStated(f))) {
                        g.writeFieldName(n.fields[i]);
                        writeValue(g, m, f);
                    }
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field's value (or default), unboxed: numbers as JSON numbers, text as a JSON string. */
    private static void writeValue(JsonGenerator g, DtcMessage m, FieldSpec f) throws IOException {
        WireKind kind = f.kind();
        if (kind == WireKind.STRING) {
            g.writeString(m.getString(f));
        } else if (kind.isFloatingPoint()) {
            g.writeNumber(m.getDouble(f));
        } else {
            g.writeNumber(m.getLong(f));
        }
    }

    /** Equal to the spec default as stored (the bits, for floating point): such a field is left out. */
    private static boolean isDefault(DtcMessage m, FieldSpec f) {
        WireKind kind = f.kind();
        Object def = f.defaultValue();
        if (kind == WireKind.STRING) {
            return m.getString(f).equals(def);
        }
        if (kind.isFloatingPoint()) {
            return def instanceof Double d && Double.doubleToLongBits(m.getDouble(f)) == Double.doubleToLongBits(d);
        }
        return def instanceof Long l && m.getLong(f) == l;
    }
}
