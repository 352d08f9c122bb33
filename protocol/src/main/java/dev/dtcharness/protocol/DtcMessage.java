package dev.dtcharness.protocol;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.Objects;

/**
 * A DTC message of any type, shaped by its {@link MessageSpec}: typed accessors by the spec's
 * field names, no hand-written field tables. A field never set reads as the spec's default
 * (DBL_MAX for an unset ORDER_UPDATE price, 1 for some capability flags); the JSON encoder
 * leaves such fields out, as Sierra Chart does. Holds no Netty buffers; not thread-safe
 * while being built, safe to share once handed to a channel.
 */
public final class DtcMessage {
    private final MessageSpec spec;
    private final Object[] values;

    public DtcMessage(MessageSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.values = new Object[spec.fields().size()];
    }

    /** A new, empty message of the named DTC v8 type, e.g. {@code DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER")}. */
    public static DtcMessage of(String messageName) {
        return new DtcMessage(DtcSpec.v8().message(messageName));
    }

    public MessageSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int type() {
        return spec.type();
    }

    public boolean is(String messageName) {
        return spec.name().equals(messageName);
    }

    /**
     * Sets a field by its spec name; null makes it unset again. Integers (any Number without a
     * fraction) go into integer fields, any Number into floating-point fields, text into strings.
     */
    public DtcMessage set(String field, Object value) {
        FieldSpec f = spec.field(field);
        values[f.index()] = value == null ? null : coerce(f, value);
        return this;
    }

    /** Sets an enum field by its constant's name, e.g. {@code setEnum("BuySell", "BUY")}. */
    public DtcMessage setEnum(String field, String constant) {
        FieldSpec f = spec.field(field);
        if (f.enumSpec() == null) {
            throw new IllegalArgumentException(spec.name() + "." + field + " is " + f.ctype() + ", not an enum");
        }
        values[f.index()] = f.enumSpec().valueOf(constant);
        return this;
    }

    public boolean isSet(String field) {
        return values[spec.field(field).index()] != null;
    }

    /** The field's value, or its spec default when unset: Long, Double or String. */
    public Object get(String field) {
        return valueAt(spec.field(field));
    }

    public long getLong(String field) {
        return ((Number) numeric(field)).longValue();
    }

    public int getInt(String field) {
        return Math.toIntExact(getLong(field));
    }

    public double getDouble(String field) {
        return ((Number) numeric(field)).doubleValue();
    }

    public String getString(String field) {
        FieldSpec f = spec.field(field);
        if (f.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(spec.name() + "." + field + " is " + f.ctype() + ", not a string");
        }
        return (String) valueAt(f);
    }

    /** The enum constant's name for an enum field's value, or "value (not in EnumName)". */
    public String enumName(String field) {
        FieldSpec f = spec.field(field);
        long v = getLong(field);
        String n = f.enumSpec() == null ? null : f.enumSpec().nameOf(v);
        return n != null ? n : v + (f.enumSpec() == null ? "" : " (not in " + f.enumSpec().name() + ")");
    }

    /** The value of a field, or its default: what the binary encoder writes. */
    public Object valueAt(FieldSpec f) {
        Object v = values[f.index()];
        return v != null ? v : f.defaultValue();
    }

    /** The value as set, or null when unset: what the JSON encoder looks at. */
    public Object rawValueAt(FieldSpec f) {
        return values[f.index()];
    }

    /** For codecs: stores an already-typed value (Long, Double or String) without conversion. */
    public void putRaw(FieldSpec f, Object typedValue) {
        values[f.index()] = typedValue;
    }

    /** A copy that can be changed without touching this one. */
    public DtcMessage copy() {
        DtcMessage m = new DtcMessage(spec);
        System.arraycopy(values, 0, m.values, 0, values.length);
        return m;
    }

    private Object numeric(String field) {
        FieldSpec f = spec.field(field);
        if (f.kind() == WireKind.STRING) {
            throw new IllegalArgumentException(spec.name() + "." + field + " is a string, not a number");
        }
        return valueAt(f);
    }

    private Object coerce(FieldSpec f, Object value) {
        if (f.kind() == WireKind.STRING) {
            if (!(value instanceof CharSequence)) {
                throw new IllegalArgumentException(where(f) + ": " + value + " (expected: " + f.declaration() + " text)");
            }
            return value.toString();
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(where(f) + ": \"" + value + "\" (expected: " + f.ctype() + " number)");
        }
        if (f.kind().isFloatingPoint()) {
            // The caller's box is kept when it is already a Double: most sets pass one.
            return value instanceof Double ? value : n.doubleValue();
        }
        if (value instanceof Long l && (f.kind() == WireKind.UINT64 || (l >= f.kind().min() && l <= f.kind().max()))) {
            return value;
        }
        double d = n.doubleValue();
        long l = n.longValue();
        if (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) && d != (double) l) {
            throw new IllegalArgumentException(where(f) + ": " + value + " (expected: " + f.ctype() + " integer)");
        }
        if (f.kind() != WireKind.UINT64 && (l < f.kind().min() || l > f.kind().max())) {
            throw new IllegalArgumentException(where(f) + ": " + value + " is outside " + f.ctype()
                    + " (" + f.kind().min() + " to " + f.kind().max() + ")");
        }
        return l;
    }

    /** "ORDER_UPDATE.Symbol": built only when a value is refused, not on every set. */
    private String where(FieldSpec f) {
        return spec.name() + "." + f.name();
    }

    /** Equal when the same type and every field reads the same, defaults included. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DtcMessage other) || other.spec != spec) {
            return false;
        }
        for (FieldSpec f : spec.fields()) {
            if (!valueAt(f).equals(other.valueAt(f))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = spec.type();
        for (FieldSpec f : spec.fields()) {
            h = 31 * h + valueAt(f).hashCode();
        }
        return h;
    }

    /** "ORDER_UPDATE(301){ServerOrderID=S1, OrderStatus=7}": set fields only. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(spec.name()).append('(').append(spec.type()).append("){");
        boolean first = true;
        for (FieldSpec f : spec.fields()) {
            Object v = values[f.index()];
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(f.name()).append('=').append(v);
        }
        return sb.append('}').toString();
    }
}
