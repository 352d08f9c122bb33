package dev.dtcharness.protocol.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One DTC enum from the spec: its base type and its named values. */
public record EnumSpec(String name, WireKind base, Map<String, Long> values) {

    public EnumSpec {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a named constant; throws naming the enum when the constant does not exist. */
    public long valueOf(String constant) {
        Long value = values.get(constant);
        if (value == null) {
            throw new IllegalArgumentException(name + " has no constant " + constant + " (it has " + values.keySet() + ")");
        }
        return value;
    }

    /** The constant's name for a value, or null when the value is outside the enum. */
    public String nameOf(long value) {
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getValue() == value) {
                return e.getKey();
            }
        }
        return null;
    }

    /** "BUY = 1 or SELL = 2": the enum's meaningful values in words, for error messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append(" = ").append(v);
        });
        return sb.toString();
    }
}
