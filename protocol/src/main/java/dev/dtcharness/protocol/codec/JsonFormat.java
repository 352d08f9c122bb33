package dev.dtcharness.protocol.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DTC JSON encoding: one object per message, {@code "Type"} first, the spec's field names,
 * enums as integers, unset fields left out (the receiver applies the spec default). Fields the
 * spec does not know are ignored, as DTC's versioning rules require of readers.
 */
public final class JsonFormat {
    private final DtcSpec spec;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonFormat(DtcSpec spec) {
        this.spec = spec;
    }

    /** Decodes one frame (without its NUL) into a {@link DtcMessage} or an {@link UnknownMessage}. */
    public Object decode(ByteBuf frame) {
        int size = frame.readableBytes();
        JsonNode root;
        try {
            root = mapper.readTree((java.io.InputStream) new ByteBufInputStream(frame));
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
        JsonNode typeNode = root.get("Type");
        if (typeNode == null || !typeNode.canConvertToInt() || !typeNode.isIntegralNumber()) {
            throw new DtcCodecException("JSON message has " + (typeNode == null ? "no Type field" : "Type " + typeNode)
                    + " (expected: \"Type\" with the message type number, e.g. 208 for SUBMIT_NEW_SINGLE_ORDER)", false);
        }
        MessageSpec ms = spec.messageOrNull(typeNode.intValue());
        if (ms == null) {
            return new UnknownMessage(typeNode.intValue(), DtcEncoding.JSON_ENCODING, size);
        }
        DtcMessage m = new DtcMessage(ms);
        List<String> problems = new ArrayList<>();
        for (FieldSpec f : ms.fields()) {
            JsonNode v = root.get(f.name());
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

    /** Appends the message as JSON (no NUL: framing adds it). */
    public void encode(DtcMessage m, ByteBuf out) {
        StringCapacity.check(m);
        try (JsonGenerator g = mapper.getFactory().createGenerator((java.io.OutputStream) new ByteBufOutputStream(out))) {
            g.writeStartObject();
            g.writeNumberField("Type", m.type());
            for (FieldSpec f : m.spec().fields()) {
                Object v = m.rawValueAt(f);
                if (v == null || v.equals(f.defaultValue())) {
                    continue;
                }
                g.writeFieldName(f.name());
                if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else {
                    g.writeString((String) v);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
