package dev.dtcharness.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;

/** Reads a JSON value into a field's Java type, and says in plain words when it cannot. */
final class JsonValues {
    private JsonValues() {
    }

    /** Long, Double or String; null when the JSON value has the wrong type or range for the field. */
    static Object read(JsonNode v, FieldSpec f) {
        if (f.kind() == WireKind.STRING) {
            return v.isTextual() ? v.textValue() : null;
        }
        if (!v.isNumber()) {
            return null;
        }
        if (f.kind().isFloatingPoint()) {
            return v.doubleValue();
        }
        // 1.0 for an integer is how some JSON libraries write whole numbers; 1.5 is not an integer, except in a
        // time field, where it is what time.time() gives: read as its whole part, and pointed out by the checker.
        if (!v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue())
                && !(isWholeTime(f) && Double.isFinite(v.doubleValue()))) {
            return null;
        }
        if (!v.canConvertToLong()) {
            return null;
        }
        long l = v.longValue();
        if (f.kind() != WireKind.UINT64 && (l < f.kind().min() || l > f.kind().max())) {
            return null;
        }
        return l;
    }

    /** An integer time field (t_DateTime and its kin): a fraction there is read as its whole part. */
    static boolean isWholeTime(FieldSpec f) {
        return f.kind().isInteger() && f.ctype().startsWith("t_DateTime");
    }

    /** {@code SUBMIT_NEW_SINGLE_ORDER.BuySell: "BUY" (expected: BuySellEnum integer, BUY = 1 or SELL = 2)}. */
    static String describeMismatch(MessageSpec ms, FieldSpec f, JsonNode v) {
        String expected;
        if (f.kind() == WireKind.STRING) {
            expected = f.declaration() + " text";
        } else if (f.enumSpec() != null) {
            expected = f.enumSpec().name() + " integer, " + f.enumSpec().describe();
        } else if (f.kind().isInteger()) {
            expected = f.ctype() + " integer from " + f.kind().min() + " to " + f.kind().max();
        } else {
            expected = f.ctype() + " number";
        }
        return ms.name() + "." + f.name() + ": " + (f.secret() ? DtcMessage.MASK : v) + " (expected: " + expected + ")";
    }
}
