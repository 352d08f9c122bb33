package dev.dtcharness.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapTrendRuleTest {
    /** 64 B/order budget; 4 phases needed; FAIL after 3 phases in a row over budget. */
    private final HeapTrendRule rule = new HeapTrendRule(64, 4, 3);

    private static double[] orders(int samples) {
        double[] x = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = i * 5_000.0;
        }
        return x;
    }

    private static double[] heap(double base, double bytesPerOrder, double... jitter) {
        double[] y = new double[jitter.length];
        for (int i = 0; i < jitter.length; i++) {
            y[i] = base + bytesPerOrder * i * 5_000.0 + jitter[i];
        }
        return y;
    }

    @Test
    void shouldPassAFlatHeapWithSmallNoise() {
        HeapTrendRule.Outcome out = rule.decide(orders(7), heap(50e6, 0, 0, 20e3, -10e3, 15e3, -5e3, 10e3, 0));

        assertThat(out.verdict()).as(out.reason()).isEqualTo(Verdict.PASS);
        assertThat(out.trend().upper()).isLessThanOrEqualTo(64);
    }

    @Test
    void shouldFailWhenTheSlopeExceedsTheBudgetForThreePhasesInARow() {
        HeapTrendRule.Outcome out = rule.decide(orders(7), heap(50e6, 200, 0, 30e3, -30e3, 10e3, 0, -20e3, 5e3));

        assertThat(out.verdict()).as(out.reason()).isEqualTo(Verdict.FAIL);
        assertThat(out.trailingExcess()).isGreaterThanOrEqualTo(3);
        assertThat(out.trend().slope()).isBetween(190.0, 210.0);
        assertThat(out.reason()).contains("B/order", "in a row");
    }

    @Test
    void shouldNotFailOnOneBadPhaseAtTheEnd() {
        // flat for 6 phases, then one phase with 2 MB more: over budget at the last phase only
        double[] y = heap(50e6, 0, 0, 1e3, -1e3, 2e3, 0, 1e3, 0);
        y[6] += 2e6;
        double[] x = orders(7);

        HeapTrendRule.Outcome out = new HeapTrendRule(64, 4, 3).decide(x, y);

        assertThat(out.verdict()).as(out.reason()).isNotEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldBeInconclusiveWithTooFewPhases() {
        HeapTrendRule.Outcome out = rule.decide(orders(3), heap(50e6, 1_000, 0, 0, 0));

        assertThat(out.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(out.reason()).contains("too few phases: 2");
    }

    @Test
    void shouldBeInconclusiveWhenTheSlopeIsWithinBudgetButTooNoisyToTell() {
        // true slope 0, but +-1 MB swings: 200 B/order per phase either way
        HeapTrendRule.Outcome out = rule.decide(orders(5), heap(50e6, 0, 0, 1e6, -1e6, 1e6, -0.9e6));

        assertThat(out.verdict()).as(out.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(out.reason()).contains("too noisy");
    }

    @Test
    void shouldRefuseRulesThatCanNeverFail() {
        assertThatThrownBy(() -> new HeapTrendRule(64, 3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consecutive");
    }
}
