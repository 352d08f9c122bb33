package dev.dtcharness.soak.verdict;

/** What a soak concludes, for one evidence layer or for the whole run. */
public enum Verdict {
    /** The evidence says no leak, with enough data to say so. */
    PASS,
    /** Not enough phases, or too noisy to tell: run longer, do not read it as a pass. */
    INCONCLUSIVE,
    /** The evidence shows a leak or a broken invariant. */
    FAIL;

    /** The worse of two verdicts: FAIL beats INCONCLUSIVE beats PASS. */
    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
