package dev.dtcharness.protocol.spec;

import java.util.Map;

/** Turns the spec's default expressions (DBL_MAX, CURRENT_VERSION, "DTC", enum constants) into values. */
final class SpecDefaults {
    private final int protocolVersion;
    private final Map<String, EnumSpec> enums;

    SpecDefaults(int protocolVersion, Map<String, EnumSpec> enums) {
        this.protocolVersion = protocolVersion;
        this.enums = enums;
    }

    Object resolve(String raw, WireKind kind, EnumSpec enumSpec) {
        if (raw == null) {
            return zero(kind);
        }
        if (kind == WireKind.STRING) {
            return raw.replace("\"", "");
        }
        Object number = switch (raw) {
            case "DBL_MAX" -> Double.MAX_VALUE;
            case "FLT_MAX" -> (double) Float.MAX_VALUE;
            case "UINT_MAX" -> 0xFFFF_FFFFL;
            case "CURRENT_VERSION" -> (long) protocolVersion;
            default -> parseNumberOrConstant(raw, enumSpec);
        };
        return kind.isInteger() ? (Object) ((Number) number).longValue() : (Object) ((Number) number).doubleValue();
    }

    static Object zero(WireKind kind) {
        if (kind == WireKind.STRING) {
            return "";
        }
        return kind.isInteger() ? (Object) 0L : (Object) 0.0;
    }

    private Number parseNumberOrConstant(String raw, EnumSpec enumSpec) {
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException notANumber) {
            // C++ scope prefixes (DTC::HPDR_UNSET) name the same constant.
            String constant = raw.startsWith("DTC::") ? raw.substring(5) : raw;
            if (enumSpec != null && enumSpec.values().containsKey(constant)) {
                return enumSpec.valueOf(constant);
            }
            for (EnumSpec e : enums.values()) {
                if (e.values().containsKey(constant)) {
                    return e.valueOf(constant);
                }
            }
            throw new IllegalArgumentException("DTC spec default " + raw + " is neither a number nor an enum constant");
        }
    }
}
