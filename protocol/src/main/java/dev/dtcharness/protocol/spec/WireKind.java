package dev.dtcharness.protocol.spec;

/**
 * How a field's C type is stored on the binary wire and held in Java: integers as {@code Long},
 * floating point as {@code Double}, {@code char[N]} as {@code String}.
 */
public enum WireKind {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8),
    FLOAT(4), DOUBLE(8), STRING(-1);

    private final int size;

    WireKind(int size) {
        this.size = size;
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
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64, UINT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    public long max() {
        return switch (this) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 0xFF;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 0xFFFF;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 0xFFFF_FFFFL;
            default -> Long.MAX_VALUE;
        };
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
