package dev.dtcharness.protocol.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.protocol.codec.DtcFieldException;
import dev.dtcharness.protocol.codec.JsonFormat;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The JSON part of the checker: type, field names and JSON value types. */
final class JsonConformance {
    private final DtcSpec spec;
    private final JsonFormat format;

    JsonConformance(DtcSpec spec) {
        this.spec = spec;
        this.format = new JsonFormat(spec);
    }

    /** Adds findings; returns the message with every field that could be read, or null. */
    DtcMessage check(ByteBuf frame, List<Finding> findings) {
        JsonNode root;
        int size = frame.readableBytes();
        try {
            root = format.parse(frame);
        } catch (DtcCodecException e) {
            findings.add(new Finding(Finding.Kind.MALFORMED, "JSON frame", null,
                    "one JSON object per message, ended by a NUL byte", e.getMessage(), null));
            return null;
        }
        JsonNode type = root.get("Type");
        if (type == null || !type.isIntegralNumber() || !type.canConvertToInt()) {
            findings.add(new Finding(Finding.Kind.MALFORMED, "JSON message", "Type",
                    "the message type number as an integer", type == null ? "no Type" : type.toString(), null));
            return null;
        }
        MessageSpec ms = spec.messageOrNull(type.intValue());
        if (ms == null) {
            findings.add(unknownType(type.intValue()));
            return null;
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!name.equals("Type") && !name.equals("F") && ms.fieldOrNull(name) == null) {
                unknown.add(name);
            }
        }
        String intent = unknown.isEmpty() ? null : KnownConfusions.intentOf(ms.name());
        for (String name : unknown) {
            String hint = intent != null ? intent : FieldNames.suggest(ms, name);
            findings.add(new Finding(intent != null ? Finding.Kind.LIKELY_CONFUSION : Finding.Kind.UNKNOWN_FIELD,
                    ms.label(), name, "one of the fields of " + ms.name(), "a field " + ms.name() + " does not have",
                    hint));
        }
        JsonNode array = root.get("F");
        for (int i = 0; i < ms.fields().size(); i++) {
            FieldSpec f = ms.fields().get(i);
            JsonNode v = array != null && array.isArray() ? array.get(i) : root.get(f.name());
            if (v != null && v.isNumber() && !v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue())
                    && JsonFormat.readsFractionAsWhole(f) && v.canConvertToLong()) {
                // Read leniently by the codec, so the message is served; the client still hears it is not v8.
                findings.add(new Finding(Finding.Kind.WRONG_JSON_TYPE, ms.label(), f.name(), f.ctype() + " integer",
                        v.toString(), "DTC v8 wants an integer " + f.ctype() + ", not a fraction: read as "
                        + v.longValue()));
            }
        }
        try {
            return (DtcMessage) format.decode(root, size);
        } catch (DtcFieldException e) {
            for (FieldSpec f : ms.fields()) {
                JsonNode v = root.get(f.name());
                if (v != null && !v.isNull() && !e.partial().isSet(f.name())) {
                    findings.add(wrongType(ms, f, v));
                }
            }
            return e.partial();
        } catch (DtcCodecException e) {
            findings.add(new Finding(Finding.Kind.MALFORMED, ms.label(), null, "a decodable message", e.getMessage(), null));
            return null;
        }
    }

    static Finding unknownType(int type) {
        String named = DtcSpec.v8().nameOfType(type);
        // A type the spec names but gives no body (FLATTEN_POSITIONS_FOR_TRADE_ACCOUNT, 210) is known, just empty.
        String found = named == null ? "type " + type + ", which DTC v8 does not define"
                : "type " + type + " (" + named + "), which DTC v8 names without a message body";
        return new Finding(Finding.Kind.UNKNOWN_TYPE, "message type " + type, null, "a DTC v8 message type", found,
                KnownConfusions.intentOfUnknownType(type));
    }

    private static Finding wrongType(MessageSpec ms, FieldSpec f, JsonNode v) {
        String expected;
        String hint = null;
        if (f.kind() == WireKind.STRING) {
            expected = f.declaration() + " text";
        } else if (f.enumSpec() != null) {
            expected = f.enumSpec().name() + " integer, " + f.enumSpec().describe();
            if (v.isTextual()) {
                hint = EnumWords.meant(f.enumSpec(), v.textValue());
            }
        } else {
            expected = f.ctype() + (f.kind().isInteger() ? " integer from " + f.kind().min() + " to " + f.kind().max()
                    : " number");
        }
        return new Finding(Finding.Kind.WRONG_JSON_TYPE, ms.label(), f.name(), expected,
                f.secret() ? DtcMessage.MASK : v.toString(), hint);
    }
}
