package dev.dtcharness.soak.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the heap layer from post-GC live heap sampled at quiescence after each phase, against
 * cumulative orders. The trend is Sen's slope in bytes per order:
 * <ul>
 *   <li>INCONCLUSIVE with fewer than {@code minPhases} phases after the baseline;</li>
 *   <li>FAIL when the running slope (fitted over every phase so far) exceeds the budget at each of
 *       the last {@code consecutive} phases: one bad phase is noise, several in a row are growth;</li>
 *   <li>PASS when the final slope and the upper end of its 90 % interval are within the budget;</li>
 *   <li>INCONCLUSIVE otherwise: within budget but too noisy to be sure, or over budget for too few
 *       phases in a row.</li>
 * </ul>
 */
public record HeapTrendRule(double budgetBytesPerOrder, int minPhases, int consecutive) {

    public HeapTrendRule {
        if (minPhases < 2) {
            throw new IllegalArgumentException("minPhases must be at least 2, was " + minPhases);
        }
        if (consecutive < 1 || consecutive > minPhases) {
            throw new IllegalArgumentException("consecutive must be 1 to minPhases (" + minPhases + "), was " + consecutive);
        }
    }

    /** Result of the rule: the verdict, the fitted trend and the running slope after each phase. */
    public record Outcome(Verdict verdict, String reason, SenSlope trend, List<Double> runningSlopes,
                          int trailingExcess) {
    }

    /**
     * @param orders cumulative orders at each sample; index 0 is the baseline (after warm-up)
     * @param heap   post-GC live heap in bytes at each sample
     */
    public Outcome decide(double[] orders, double[] heap) {
        int phases = orders.length - 1;
        List<Double> running = new ArrayList<>();
        for (int k = 2; k <= orders.length; k++) {
            running.add(SenSlope.fit(java.util.Arrays.copyOf(orders, k), java.util.Arrays.copyOf(heap, k)).slope());
        }
        SenSlope trend = orders.length >= 2 ? SenSlope.fit(orders, heap) : null;
        if (phases < minPhases) {
            return new Outcome(Verdict.INCONCLUSIVE, "too few phases: " + phases + " after the baseline, the rule needs "
                    + minPhases, trend, running, 0);
        }
        int trailing = 0;
        for (int i = running.size() - 1; i >= 0 && running.get(i) > budgetBytesPerOrder; i--) {
            trailing++;
        }
        String fitted = String.format("%.1f B/order (90%% interval %.1f to %.1f), budget %.1f B/order",
                trend.slope(), trend.lower(), trend.upper(), budgetBytesPerOrder);
        if (trailing >= consecutive) {
            return new Outcome(Verdict.FAIL, "post-GC heap grows " + fitted + "; over budget at the last " + trailing
                    + " phase(s) in a row", trend, running, trailing);
        }
        if (trend.slope() <= budgetBytesPerOrder && trend.upper() <= budgetBytesPerOrder) {
            return new Outcome(Verdict.PASS, "post-GC heap trend " + fitted, trend, running, trailing);
        }
        if (trend.slope() <= budgetBytesPerOrder) {
            return new Outcome(Verdict.INCONCLUSIVE, "too noisy: " + fitted
                    + "; the interval reaches past the budget, run more or longer phases", trend, running, trailing);
        }
        return new Outcome(Verdict.INCONCLUSIVE, "post-GC heap trend " + fitted + ", but over budget at only the last "
                + trailing + " phase(s) (FAIL needs " + consecutive + " in a row)", trend, running, trailing);
    }
}
