package dev.dtcharness.protocol.spec;

/**
 * How a field's C type is stored on the binary wire and held in Java: integers as {@code Long},
 * floating point as {@code Double}, {@code char[N]} as {@code String}.
 */
public enum WireKind {
    INT8(1, Byte.MIN_VALUE, Byte.MAX_VALUE), UINT8(1, 0, 0xFF), INT16(2, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(2, 0, 0xFFFF), INT32(4, Integer.MIN_VALUE, Integer.MAX_VALUE), UINT32(4, 0, 0xFFFF_FFFFL),
    INT64(8, Long.MIN_VALUE, Long.MAX_VALUE), UINT64(8, Long.MIN_VALUE, Long.MAX_VALUE),
    FLOAT(4, 0, Long.MAX_VALUE), DOUBLE(8, 0, Long.MAX_VALUE), STRING(-1, 0, Long.MAX_VALUE);

    private final int size;
    // Held, not switched on: DtcMessage checks every integer it is given against them (a hot path).
    private final long min;
    private final long max;

    WireKind(int size, long min, long max) {
        this.size = size;
        this.min = min;
        this.max = max;
    }

    /** Bytes on the binary wire; strings take their declared capacity instead. */
    public int size() {
        return size;
    }

    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE && this != STRING;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT || this == DOUBLE;
    }

    /** Smallest value the kind can hold; UINT64 is held in a signed long, so its range is not checked. */
    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /**
     * The kind of a spec C type. Enums are stored as their base type; the five DTC time types
     * are stored as the integer or double the spec README gives for each.
     */
    public static WireKind ofCType(String ctype) {
        return switch (ctype) {
            case "int8_t" -> INT8;
            case "uint8_t" -> UINT8;
            case "int16_t" -> INT16;
            case "uint16_t" -> UINT16;
            case "int32_t" -> INT32;
            case "uint32_t", "t_DateTime4Byte" -> UINT32;
            case "int64_t", "t_DateTime", "t_DateTimeWithMillisecondsInt", "t_DateTimeWithMicrosecondsInt" -> INT64;
            case "uint64_t" -> UINT64;
            case "float" -> FLOAT;
            case "double", "t_DateTimeWithMilliseconds" -> DOUBLE;
            case "char" -> STRING;
            default -> throw new IllegalArgumentException("unknown C type in DTC spec: " + ctype);
        };
    }
}
