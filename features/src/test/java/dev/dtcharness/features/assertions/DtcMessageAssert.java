package dev.dtcharness.features.assertions;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a DTC message by the spec's names; a failure names the message and shows it:
 * "Expected ORDER_UPDATE(301){ServerOrderID=S1, OrderStatus=4} to have OrderStatus 7 (ORDER_STATUS_FILLED),
 * but it had 4 (ORDER_STATUS_OPEN)". A field the message type does not have is a mistake in the test and
 * throws IllegalArgumentException; an unset field reads as its spec default, as every reader sees it.
 * Secret fields (passwords) never show their value.
 */
public class DtcMessageAssert extends AbstractObjectAssert<DtcMessageAssert, MessageView> {

    public DtcMessageAssert(MessageView actual) {
        super(actual, DtcMessageAssert.class);
    }

    /** The message is of this DTC v8 type, by name: "ORDER_UPDATE". */
    public DtcMessageAssert isOfType(String messageName) {
        isNotNull();
        int type = DtcSpec.v8().message(messageName).type();
        if (!actual.is(messageName)) {
            failWithMessage("Expected %s to be %s (%d), but it is %s", actual, messageName, type, actual.spec().label());
        }
        return myself;
    }

    /** The message is of this DTC v8 type, by number: 301. */
    public DtcMessageAssert isOfType(int type) {
        isNotNull();
        String name = DtcSpec.v8().nameOfType(type);
        if (name == null) {
            throw new IllegalArgumentException("DTC v8 has no message type " + type);
        }
        if (actual.type() != type) {
            failWithMessage("Expected %s to be %s (%d), but it is %s", actual, name, type, actual.spec().label());
        }
        return myself;
    }

    /** An integer or enum field holds this value: {@code hasField("OrderStatus", 7)}. */
    public DtcMessageAssert hasField(String field, long value) {
        FieldSpec f = numeric(field);
        if (f.kind().isFloatingPoint()) {
            return hasField(field, (double) value);
        }
        long was = actual.getLong(field);
        if (was != value) {
            failWithMessage("Expected %s to have %s %s, but it had %s", actual, field, numberAndName(f, value),
                    numberAndName(f, was));
        }
        return myself;
    }

    /** A numeric field holds this value: {@code hasField("Price1", 4500.25)}. */
    public DtcMessageAssert hasField(String field, double value) {
        FieldSpec f = numeric(field);
        double was = actual.getDouble(field);
        if (Double.compare(was, value) != 0) {
            failWithMessage("Expected %s to have %s %s, but it had %s", actual, field, numberAndName(f, value),
                    numberAndName(f, was));
        }
        return myself;
    }

    /**
     * A string field holds this text, or an enum field this constant:
     * {@code hasField("ServerOrderID", "S1")}, {@code hasField("OrderUpdateReason", "ORDER_CANCEL_REJECTED")}.
     */
    public DtcMessageAssert hasField(String field, String value) {
        FieldSpec f = field(field);
        if (f.enumSpec() != null) {
            // Throws naming the enum's constants when the test misspells one.
            return hasField(field, f.enumSpec().valueOf(value));
        }
        if (f.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(actual.spec().label() + "." + field + " is " + f.declaration()
                    + ": compare it with hasField(\"" + field + "\", number)");
        }
        String was = actual.getString(field);
        if (!was.equals(value)) {
            failWithMessage("Expected %s to have %s %s, but it had %s", actual, field, shown(f, value), shown(f, was));
        }
        return myself;
    }

    /** A string field holds some text (InfoText saying why, say). */
    public DtcMessageAssert hasNonEmptyField(String field) {
        FieldSpec f = field(field);
        if (f.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(actual.spec().label() + "." + field + " is " + f.declaration() + ", not text");
        }
        if (actual.getString(field).isEmpty()) {
            failWithMessage("Expected %s to have some %s, but it had none", actual, field);
        }
        return myself;
    }

    private FieldSpec numeric(String field) {
        FieldSpec f = field(field);
        if (f.kind() == WireKind.STRING) {
            throw new IllegalArgumentException(actual.spec().label() + "." + field + " is " + f.declaration()
                    + ": compare it with hasField(\"" + field + "\", \"text\")");
        }
        return f;
    }

    private FieldSpec field(String field) {
        isNotNull();
        return actual.spec().field(field);
    }

    /** "7 (ORDER_STATUS_FILLED)" for an enum field, "4500.25" otherwise. */
    private static String numberAndName(FieldSpec f, double v) {
        String number = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        if (f.enumSpec() == null || v != Math.rint(v)) {
            return number;
        }
        String name = f.enumSpec().nameOf((long) v);
        return number + " (" + (name != null ? name : "not in " + f.enumSpec().name()) + ")";
    }

    private static String shown(FieldSpec f, String v) {
        return f.secret() ? DtcMessage.MASK : '"' + v + '"';
    }
}
