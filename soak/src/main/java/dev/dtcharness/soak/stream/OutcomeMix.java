package dev.dtcharness.soak.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The share of each {@link Outcome} in the order stream, e.g. {@code OutcomeMix.parse("FILL=90,REJECT=5,CANCEL=5")}.
 * Draws are seeded, so a run with the same seed asks for the same outcomes in the same order.
 */
public record OutcomeMix(Map<Outcome, Integer> weights) {

    public OutcomeMix {
        weights = Map.copyOf(new EnumMap<>(weights));
        if (weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToInt(w -> w).sum() == 0) {
            throw new IllegalArgumentException("outcome weights must be non-negative with a positive sum: " + weights);
        }
    }

    public static OutcomeMix fillsOnly() {
        return new OutcomeMix(Map.of(Outcome.FILL, 1));
    }

    /** "FILL=90,REJECT=10": names of {@link Outcome}, weights as integers. */
    public static OutcomeMix parse(String spec) {
        Map<Outcome, Integer> w = new EnumMap<>(Outcome.class);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("outcome mix \"" + spec + "\": expected NAME=weight,... e.g. FILL=90,REJECT=10");
            }
            w.put(Outcome.valueOf(kv[0].trim().toUpperCase()), Integer.parseInt(kv[1].trim()));
        }
        return new OutcomeMix(w);
    }

    public Outcome draw(SplittableRandom random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Outcome o : Outcome.values()) {
            pick -= weights.getOrDefault(o, 0);
            if (pick < 0) {
                return o;
            }
        }
        throw new AssertionError("weights changed while drawing");
    }
}
