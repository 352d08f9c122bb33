package dev.dtcharness.protocol.spec;

/**
 * One field of a DTC message as the spec gives it: name, C type, wire kind, string capacity,
 * binary offset and size, and the value a receiver assumes when the sender leaves it out.
 *
 * @param index        position in the message's field order (also the compact-JSON "F" order)
 * @param capacity     for {@code char[N]} the N, which includes the terminating NUL; otherwise 0
 * @param defaultValue Long, Double or String, never null
 * @param enumSpec     the enum when the C type names one, else null
 * @param slot         where a message holds the value: among the message's string fields for a
 *                     {@code char[N]}, among its numeric fields otherwise (so each store is only as long as needed)
 * @param defaultBits  a numeric default as a message stores it (a double's raw bits, else the long), 0 for strings:
 *                     encoders copy it without unboxing {@code defaultValue} for every field left unset
 */
public record FieldSpec(int index, String name, String ctype, WireKind kind, int capacity, int offset, int size,
                        Object defaultValue, EnumSpec enumSpec, int slot, long defaultBits) {

    public FieldSpec(int index, String name, String ctype, WireKind kind, int capacity, int offset, int size,
                     Object defaultValue, EnumSpec enumSpec, int slot) {
        this(index, name, ctype, kind, capacity, offset, size, defaultValue, enumSpec, slot, bitsOf(kind, defaultValue));
    }

    private static long bitsOf(WireKind kind, Object defaultValue) {
        if (kind == WireKind.STRING) {
            return 0;
        }
        Number n = (Number) defaultValue;
        return kind.isFloatingPoint() ? Double.doubleToRawLongBits(n.doubleValue()) : n.longValue();
    }

    /** The C declaration, as people read it in the DTC headers: "char[32]", "OrderStatusEnum". */
    public String declaration() {
        return kind == WireKind.STRING ? "char[" + capacity + "]" : ctype;
    }

    /**
     * A secret (LOGON_REQUEST's Password, and any field the spec names a password): its value never
     * appears in a message's text form, an error or a finding, since those reach logs and journals.
     */
    public boolean secret() {
        return name.contains("Password") || name.contains("password");
    }

    /** Longest string the field can carry: one byte of the capacity is the NUL terminator. */
    public int maxStringLength() {
        return capacity - 1;
    }
}
