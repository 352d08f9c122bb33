package dev.dtcharness.soak.verdict;

/**
 * "Back to baseline" for a count sampled at quiescence (threads, open files, unreleased buffers,
 * direct memory): a phase exceeds when its value is above baseline + tolerance; FAIL when the last
 * {@code consecutive} phases all exceed, INCONCLUSIVE with fewer phases than that, else PASS.
 */
public record BaselineRule(String layer, String unit, double tolerance, int consecutive) {

    /** @param values index 0 is the baseline, then one value per phase */
    public LayerResult decide(double[] values) {
        int phases = values.length - 1;
        double baseline = values[0];
        double last = values[values.length - 1];
        String summary = String.format("baseline %s %s, last %s, tolerance +%s", fmt(baseline), unit, fmt(last),
                fmt(tolerance));
        int trailing = 0;
        for (int i = values.length - 1; i >= 1 && values[i] > baseline + tolerance; i--) {
            trailing++;
        }
        if (trailing >= consecutive) {
            return LayerResult.of(layer, Verdict.FAIL, summary + "; above it at the last " + trailing + " phase(s)");
        }
        if (phases < consecutive) {
            return LayerResult.of(layer, Verdict.INCONCLUSIVE, summary + "; too few phases (" + phases + ", need "
                    + consecutive + ")");
        }
        return LayerResult.of(layer, Verdict.PASS, summary + (trailing > 0 ? "; above it at the last " + trailing
                + " phase(s) only" : ""));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
