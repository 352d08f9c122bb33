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
 *
 * <p>Numbers are held unboxed (integers as they are, floating point as its bits) so that the binary
 * codec and the primitive accessors ({@link #getLong}, {@link #set(String, long)}, the
 * {@link FieldSpec} overloads) allocate nothing per field; {@link #get} boxes on demand.
 *
 * <p>The generated classes of {@code protocol.message} extend it with one typed accessor per field over
 * these slots; this class is the untyped core they share with tools that work by field name.
 *
 * <p>One file over 300 lines: every accessor works on the same unboxed slots, which no other class may see.
 */
public class DtcMessage implements MessageView {
    /** What the text form and errors show for a {@link FieldSpec#secret() secret} field's value. */
    public static final String MASK = "***";

    private static final Double ZERO = 0.0;

    private final MessageSpec spec;
    private final long[] numbers;
    /** Null for a message without string fields. */
    private final String[] strings;
    /** Which numeric fields are set, bit = slot (DTC v8 messages have at most 36 fields). */
    private long set;
    /** The same for slots from 64 on; null while no such field exists. */
    private final long[] setBeyond64;
    /**
     * Numeric fields (slots below 32; v8 messages have at most 27 numeric fields) to be written in JSON
     * even at their spec default: values a receiver must see said, not assumed (a flat position's
     * Quantity 0, FACTS.md 3.5). An int, not a long: it fits the padding the object had, so a message
     * costs no more memory than before.
     */
    private int stated;

    /** For the generated message classes, each of which passes its own spec. */
    protected DtcMessage(MessageSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        int n = spec.numericCount();
        this.numbers = new long[n];
        this.strings = spec.stringCount() > 0 ? new String[spec.stringCount()] : null;
        this.setBeyond64 = n > 64 ? new long[(n - 64 + 63) / 64] : null;
    }

    /** A new, empty message of the named DTC v8 type, e.g. {@code DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER")}. */
    public static DtcMessage of(String messageName) {
        return of(DtcSpec.v8().message(messageName));
    }

    /**
     * A new, empty message of {@code spec}: for a DTC v8 type, its generated class
     * ({@code instanceof OrderUpdate}); for a spec of another making, an untyped message.
     */
    public static DtcMessage of(MessageSpec spec) {
        DtcMessage typed = TypedMessageFactory.create(Objects.requireNonNull(spec, "spec"));
        return typed != null ? typed : new DtcMessage(spec);
    }

    public final MessageSpec spec() {
        return spec;
    }

    public final String name() {
        return spec.name();
    }

    public final int type() {
        return spec.type();
    }

    public final boolean is(String messageName) {
        return spec.name().equals(messageName);
    }

    /**
     * Sets a field by its spec name; null makes it unset again. Integers (any Number without a
     * fraction) go into integer fields, any Number into floating-point fields, text into strings.
     */
    public final DtcMessage set(String field, Object value) {
        FieldSpec f = spec.field(field);
        if (value == null) {
            unset(f);
        } else {
            store(f, value);
        }
        return this;
    }

    /** Sets a numeric field without boxing; an integer field refuses a value outside its C type. */
    public final DtcMessage set(String field, long value) {
        return set(spec.field(field), value);
    }

    /** Sets a numeric field without boxing; an integer field refuses a value with a fraction. */
    public final DtcMessage set(String field, double value) {
        return set(spec.field(field), value);
    }

    /** As {@link #set(String, long)}, for a field handle kept by the caller (no lookup by name). */
    public final DtcMessage set(FieldSpec f, long value) {
        checkOwn(f);
        WireKind k = f.kind();
        if (k == WireKind.STRING) {
            throw new IllegalArgumentException(where(f) + ": " + shown(f, value) + " (expected: " + f.declaration() + " text)");
        }
        if (k.isFloatingPoint()) {
            putDouble(f, (double) value);
        } else {
            if (outside(f, value)) {
                throw outsideRange(f, value);
            }
            putLong(f, value);
        }
        return this;
    }

    /** As {@link #set(String, double)}, for a field handle kept by the caller (no lookup by name). */
    public final DtcMessage set(FieldSpec f, double value) {
        checkOwn(f);
        WireKind k = f.kind();
        if (k == WireKind.STRING) {
            throw new IllegalArgumentException(where(f) + ": " + shown(f, value) + " (expected: " + f.declaration() + " text)");
        }
        if (k.isFloatingPoint()) {
            putDouble(f, value);
        } else {
            long l = (long) value;
            if (value != (double) l) {
                throw new IllegalArgumentException(where(f) + ": " + value + " (expected: " + f.ctype() + " integer)");
            }
            if (outside(f, l)) {
                throw outsideRange(f, value);
            }
            putLong(f, l);
        }
        return this;
    }

    /** As {@link #set(String, Object)} for text, for a field handle kept by the caller; null unsets. */
    public final DtcMessage set(FieldSpec f, String value) {
        checkOwn(f);
        if (value == null) {
            unset(f);
        } else {
            store(f, value);
        }
        return this;
    }

    /** Sets an enum field by its constant's name, e.g. {@code setEnum("BuySell", "BUY")}. */
    public final DtcMessage setEnum(String field, String constant) {
        FieldSpec f = spec.field(field);
        if (f.enumSpec() == null) {
            throw new IllegalArgumentException(spec.name() + "." + field + " is " + f.ctype() + ", not an enum");
        }
        putLong(f, f.enumSpec().valueOf(constant));
        return this;
    }

    /**
     * Sets a numeric field that the JSON encoder writes even when the value equals the spec default,
     * which it otherwise leaves out: for a value the receiver must read as said (FACTS.md 3.5: a flat
     * position's POSITION_UPDATE carries {@code Quantity: 0}). Binary encodings write every field anyway.
     */
    public final DtcMessage setStated(FieldSpec f, double value) {
        set(f, value);
        markStated(f);
        return this;
    }

    /** As {@link #setStated(FieldSpec, double)}, for an integer field. */
    public final DtcMessage setStated(FieldSpec f, long value) {
        set(f, value);
        markStated(f);
        return this;
    }

    /** As {@link #setStated(FieldSpec, double)}, by the field's spec name. */
    public final DtcMessage setStated(String field, double value) {
        return setStated(spec.field(field), value);
    }

    /** As {@link #setStated(FieldSpec, long)}, by the field's spec name. */
    public final DtcMessage setStated(String field, long value) {
        return setStated(spec.field(field), value);
    }

    /** Whether the field was set with {@link #setStated}: JSON writes it even at its default. */
    public final boolean isStated(FieldSpec f) {
        int i = f.slot();
        return f.kind() != WireKind.STRING && i < 32 && (stated & (1 << i)) != 0;
    }

    private void markStated(FieldSpec f) {
        if (f.slot() >= 32) {
            // DTC v8 messages have at most 27 numeric fields; a spec that outgrows the mask is a change to make here.
            throw new IllegalArgumentException(where(f) + ": slot " + f.slot() + " cannot be marked stated");
        }
        stated |= 1 << f.slot();
    }

    public final boolean isSet(String field) {
        return isSet(spec.field(field));
    }

    public final boolean isSet(FieldSpec f) {
        if (f.kind() == WireKind.STRING) {
            return strings[f.slot()] != null;
        }
        return numericSet(f.slot());
    }

    private boolean numericSet(int i) {
        return i < 64 ? (set & (1L << i)) != 0 : (setBeyond64[(i - 64) >>> 6] & (1L << (i & 63))) != 0;
    }

    /** The field's value, or its spec default when unset: Long, Double or String. */
    public final Object get(String field) {
        return valueAt(spec.field(field));
    }

    public final long getLong(String field) {
        return longOf(numericField(field));
    }

    /** The value of a numeric field (a floating-point one truncated), or its default; no lookup by name. */
    public final long getLong(FieldSpec f) {
        checkOwn(f);
        return longOf(numericField(f));
    }

    private long longOf(FieldSpec f) {
        long bits = numericBits(f);
        return f.kind().isFloatingPoint() ? (long) Double.longBitsToDouble(bits) : bits;
    }

    public final int getInt(String field) {
        return Math.toIntExact(getLong(field));
    }

    public final double getDouble(String field) {
        return doubleOf(numericField(field));
    }

    /** The value of a numeric field, or its default; no lookup by name. */
    public final double getDouble(FieldSpec f) {
        checkOwn(f);
        return doubleOf(numericField(f));
    }

    private double doubleOf(FieldSpec f) {
        long bits = numericBits(f);
        return f.kind().isFloatingPoint() ? Double.longBitsToDouble(bits) : (double) bits;
    }

    public final String getString(String field) {
        FieldSpec f = spec.field(field);
        if (f.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(spec.name() + "." + field + " is " + f.ctype() + ", not a string");
        }
        return stringOf(f);
    }

    /** The value of a string field, or its default; no lookup by name. */
    public final String getString(FieldSpec f) {
        checkOwn(f);
        if (f.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(where(f) + " is " + f.ctype() + ", not a string");
        }
        return stringOf(f);
    }

    private String stringOf(FieldSpec f) {
        String s = strings[f.slot()];
        return s != null ? s : (String) f.defaultValue();
    }

    /**
     * A numeric field's value when it is set, else {@code otherwise} (not the spec default): one call
     * for readers to whom unset means "not said", such as an order book folding in ORDER_UPDATEs field
     * by field. A handle taken from another message type reads this message's field of the same name.
     */
    public final double doubleIfSet(FieldSpec f, double otherwise) {
        FieldSpec own = numericField(own(f));
        int i = own.slot();
        if (!numericSet(i)) {
            return otherwise;
        }
        return own.kind().isFloatingPoint() ? Double.longBitsToDouble(numbers[i]) : (double) numbers[i];
    }

    /** As {@link #doubleIfSet}, for a whole number (a floating-point field's value truncated). */
    public final long longIfSet(FieldSpec f, long otherwise) {
        FieldSpec own = numericField(own(f));
        int i = own.slot();
        if (!numericSet(i)) {
            return otherwise;
        }
        return own.kind().isFloatingPoint() ? (long) Double.longBitsToDouble(numbers[i]) : numbers[i];
    }

    /** As {@link #doubleIfSet}, for a string field: its value when set, else {@code otherwise}. */
    public final String stringIfSet(FieldSpec f, String otherwise) {
        FieldSpec own = own(f);
        if (own.kind() != WireKind.STRING) {
            throw new IllegalArgumentException(where(own) + " is " + own.ctype() + ", not a string");
        }
        String s = strings[own.slot()];
        return s != null ? s : otherwise;
    }

    private FieldSpec own(FieldSpec f) {
        return spec.owns(f) ? f : spec.field(f.name());
    }

    /** The enum constant's name for an enum field's value, or "value (not in EnumName)". */
    public final String enumName(String field) {
        FieldSpec f = spec.field(field);
        long v = getLong(field);
        String n = f.enumSpec() == null ? null : f.enumSpec().nameOf(v);
        return n != null ? n : v + (f.enumSpec() == null ? "" : " (not in " + f.enumSpec().name() + ")");
    }

    /** The value of a field, or its default, boxed: Long, Double or String. */
    public final Object valueAt(FieldSpec f) {
        WireKind k = f.kind();
        if (k == WireKind.STRING) {
            return stringOf(f);
        }
        if (!isSet(f)) {
            return f.defaultValue();
        }
        long raw = numbers[f.slot()];
        if (!k.isFloatingPoint()) {
            return raw;
        }
        if (raw == 0) {
            return ZERO;
        }
        // An unset-price sentinel read off the wire shares the default's box.
        Object def = f.defaultValue();
        if (def instanceof Double d && Double.doubleToRawLongBits(d) == raw) {
            return def;
        }
        return Double.longBitsToDouble(raw);
    }

    /** The value as set, or null when unset: what the JSON encoder looks at. */
    public final Object rawValueAt(FieldSpec f) {
        return isSet(f) ? valueAt(f) : null;
    }

    /** For codecs, through {@link MessageSlots}: stores an already-typed value (Long, Double or String; null unsets) without range checks. */
    void putRaw(FieldSpec f, Object typedValue) {
        if (typedValue == null) {
            unset(f);
        } else if (f.kind() == WireKind.STRING) {
            strings[f.slot()] = (String) typedValue;
        } else if (f.kind().isFloatingPoint()) {
            putDouble(f, ((Number) typedValue).doubleValue());
        } else {
            putLong(f, ((Number) typedValue).longValue());
        }
    }

    /** For codecs, through {@link MessageSlots}: stores an integer field's value (or an enum's) as read, without checks. */
    void putLong(FieldSpec f, long value) {
        int i = f.slot();
        numbers[i] = value;
        markSet(i);
    }

    /**
     * For codecs, through {@link MessageSlots}: a numeric field of this message as stored (a floating-point one's raw double bits),
     * or its default's when unset; no checks, no boxing.
     */
    long numericBits(FieldSpec f) {
        int i = f.slot();
        return numericSet(i) ? numbers[i] : f.defaultBits();
    }

    /** For codecs, through {@link MessageSlots}: stores a floating-point field's value as read, without checks. */
    void putDouble(FieldSpec f, double value) {
        int i = f.slot();
        numbers[i] = Double.doubleToRawLongBits(value);
        markSet(i);
    }

    /** For codecs, through {@link MessageSlots}: stores a string field's value as read, without checks. */
    void putString(FieldSpec f, String value) {
        strings[f.slot()] = value;
    }

    /** Every field unset again (reads give the spec defaults): for a reader that reuses one message. */
    public DtcMessage clear() {
        set = 0;
        stated = 0;
        if (setBeyond64 != null) {
            java.util.Arrays.fill(setBeyond64, 0);
        }
        if (strings != null) {
            java.util.Arrays.fill(strings, null);
        }
        return this;
    }

    /** A copy that can be changed without touching this one, of the same class. */
    @Override
    public DtcMessage copy() {
        return copyTo(of(spec));
    }

    /**
     * Makes {@code target}, a message of the same spec, equal to this one and returns it: for a holder
     * that keeps copies of messages others reuse, without a new message per copy.
     */
    public final DtcMessage copyTo(DtcMessage target) {
        if (target.spec != spec) {
            throw new IllegalArgumentException("copy of " + spec.label() + " into a " + target.spec.label()
                    + " (expected: a message of the same spec)");
        }
        System.arraycopy(numbers, 0, target.numbers, 0, numbers.length);
        if (strings != null) {
            System.arraycopy(strings, 0, target.strings, 0, strings.length);
        }
        target.set = set;
        target.stated = stated;
        if (setBeyond64 != null) {
            System.arraycopy(setBeyond64, 0, target.setBeyond64, 0, setBeyond64.length);
        }
        return target;
    }

    private void markSet(int i) {
        if (i < 64) {
            set |= 1L << i;
        } else {
            setBeyond64[(i - 64) >>> 6] |= 1L << (i & 63);
        }
    }

    private void unset(FieldSpec f) {
        int i = f.slot();
        if (f.kind() == WireKind.STRING) {
            strings[i] = null;
        } else if (i < 64) {
            set &= ~(1L << i);
            if (i < 32) {
                stated &= ~(1 << i);
            }
        } else {
            setBeyond64[(i - 64) >>> 6] &= ~(1L << (i & 63));
        }
    }

    private FieldSpec numericField(String field) {
        return numericField(spec.field(field));
    }

    private FieldSpec numericField(FieldSpec f) {
        if (f.kind() == WireKind.STRING) {
            throw new IllegalArgumentException(where(f) + " is a string, not a number");
        }
        return f;
    }

    /** A handle from another message type would address the wrong slot: refused, not misread. */
    private void checkOwn(FieldSpec f) {
        if (!spec.owns(f)) {
            throw new IllegalArgumentException(f.name() + " is not a field of " + spec.label());
        }
    }

    /** {@code shown} is how the caller gave the value: a primitive one is boxed only to say it was refused. */
    private void checkRange(FieldSpec f, Object shown, long l) {
        if (outside(f, l)) {
            throw outsideRange(f, shown);
        }
    }

    private static boolean outside(FieldSpec f, long l) {
        return f.kind() != WireKind.UINT64 && (l < f.kind().min() || l > f.kind().max());
    }

    private IllegalArgumentException outsideRange(FieldSpec f, Object shown) {
        return new IllegalArgumentException(where(f) + ": " + shown + " is outside " + f.ctype()
                + " (" + f.kind().min() + " to " + f.kind().max() + ")");
    }

    private void store(FieldSpec f, Object value) {
        if (f.kind() == WireKind.STRING) {
            if (!(value instanceof CharSequence)) {
                throw new IllegalArgumentException(where(f) + ": " + shown(f, value) + " (expected: "
                        + f.declaration() + " text)");
            }
            strings[f.slot()] = value.toString();
            return;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(where(f) + ": \"" + value + "\" (expected: " + f.ctype() + " number)");
        }
        if (f.kind().isFloatingPoint()) {
            putDouble(f, n.doubleValue());
            return;
        }
        double d = n.doubleValue();
        long l = n.longValue();
        if (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) && d != (double) l) {
            throw new IllegalArgumentException(where(f) + ": " + value + " (expected: " + f.ctype() + " integer)");
        }
        checkRange(f, value, l);
        putLong(f, l);
    }

    /** A refused value as an error may quote it: a secret's never. */
    private static Object shown(FieldSpec f, Object value) {
        return f.secret() ? MASK : value;
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

    /** "ORDER_UPDATE(301){ServerOrderID=S1, OrderStatus=7}": set fields only, secrets as {@link #MASK}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(spec.name()).append('(').append(spec.type()).append("){");
        boolean first = true;
        for (FieldSpec f : spec.fields()) {
            Object v = rawValueAt(f);
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(f.name()).append('=').append(shown(f, v));
        }
        return sb.append('}').toString();
    }
}
