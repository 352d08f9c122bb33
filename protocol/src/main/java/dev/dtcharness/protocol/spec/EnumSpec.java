package dev.dtcharness.protocol.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One DTC enum from the spec: its base type and its named values. */
public final class EnumSpec {
    private final String name;
    private final WireKind base;
    private final Map<String, Long> values;
    // nameOf runs for every status and reason of every ORDER_UPDATE: a scan of boxed values was a hot
    // spot, and so was a map keyed by boxed values. DTC enums are small non-negative numbers: an array.
    private final Map<Long, String> names = new HashMap<>();
    private final String[] smallNames;
    // valueOf runs for the status and reason of every ORDER_UPDATE a simulator builds and for every order
    // a client sends; through the map it cost 50 ns a call under load. An open-addressing table of
    // interned keys: a caller's literal is then the very key, found by identity.
    private final String[] keys;
    private final long[] keyValues;

    public EnumSpec(String name, WireKind base, Map<String, Long> values) {
        this.name = name;
        this.base = base;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.values.forEach((constant, value) -> names.putIfAbsent(value, constant));
        long max = this.values.values().stream().mapToLong(Long::longValue).filter(v -> v >= 0 && v < 4096).max().orElse(-1);
        this.smallNames = new String[(int) max + 1];
        names.forEach((value, constant) -> {
            if (value >= 0 && value < smallNames.length) {
                smallNames[(int) (long) value] = constant;
            }
        });
        int capacity = Integer.highestOneBit(Math.max(2, this.values.size()) * 4 - 1) << 1;
        this.keys = new String[capacity];
        this.keyValues = new long[capacity];
        this.values.forEach((constant, value) -> {
            int i = slotOf(constant);
            while (keys[i] != null) {
                i = (i + 1) & (capacity - 1);
            }
            keys[i] = constant.intern();
            keyValues[i] = value;
        });
    }

    private int slotOf(String constant) {
        int h = constant.hashCode();
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }

    public String name() {
        return name;
    }

    public WireKind base() {
        return base;
    }

    public Map<String, Long> values() {
        return values;
    }

    /** The value of a named constant; throws naming the enum when the constant does not exist. */
    public long valueOf(String constant) {
        if (constant != null) {
            int mask = keys.length - 1;
            for (int i = slotOf(constant); keys[i] != null; i = (i + 1) & mask) {
                String k = keys[i];
                if (k == constant || k.equals(constant)) {
                    return keyValues[i];
                }
            }
        }
        throw new IllegalArgumentException(name + " has no constant " + constant + " (it has " + values.keySet() + ")");
    }

    /** The constant's name for a value (the first declared, where two share it), or null when the value is outside the enum. */
    public String nameOf(long value) {
        return value >= 0 && value < smallNames.length ? smallNames[(int) value] : names.get(value);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumSpec e && e.name.equals(name) && e.base == base && e.values.equals(values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "EnumSpec[" + name + " " + base + " " + values + "]";
    }
}
