package dev.dtcharness.soak.verdict;

/**
 * "Back to baseline" for a count sampled at quiescence (threads, open files, unreleased buffers,
 * direct memory): a phase exceeds when its value is above baseline + tolerance; FAIL when the last
 * {@code consecutive} phases all exceed, INCONCLUSIVE with fewer phases than that, else PASS.
 * With {@code requireGrowth}, a rise that then stays flat (a pool or event loop starting its threads
 * lazily) passes with a note saying so: only growth fails, judged by Sen's slope over the later half
 * of the phases (at least {@code consecutive + 1} samples), so a slow staircase still fails.
 */
public record BaselineRule(String layer, String unit, double tolerance, int consecutive, boolean requireGrowth) {

    /** Any excess at the last {@code consecutive} phases fails, flat or not (exact counts such as buffers). */
    public BaselineRule(String layer, String unit, double tolerance, int consecutive) {
        this(layer, unit, tolerance, consecutive, false);
    }

    /** Only an excess that keeps growing fails. */
    public static BaselineRule growing(String layer, String unit, double tolerance, int consecutive) {
        return new BaselineRule(layer, unit, tolerance, consecutive, true);
    }

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
            if (requireGrowth && !grows(values, consecutive)) {
                return LayerResult.of(layer, Verdict.PASS, summary + "; stepped up, then flat over the later half"
                        + " of the phases: a one-off rise (lazy start?), not growth");
            }
            return LayerResult.of(layer, Verdict.FAIL, summary + "; above it at the last " + trailing + " phase(s)");
        }
        if (phases < consecutive) {
            return LayerResult.of(layer, Verdict.INCONCLUSIVE, summary + "; too few phases (" + phases + ", need "
                    + consecutive + ")");
        }
        return LayerResult.of(layer, Verdict.PASS, summary + (trailing > 0 ? "; above it at the last " + trailing
                + " phase(s) only" : ""));
    }

    /** Sen's slope over the later half of the samples (at least {@code k + 1} of them) is positive. */
    private static boolean grows(double[] values, int k) {
        int window = Math.max(k + 1, values.length / 2);
        int from = Math.max(0, values.length - window);
        double[] y = java.util.Arrays.copyOfRange(values, from, values.length);
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return SenSlope.fit(x, y).slope() > 0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
