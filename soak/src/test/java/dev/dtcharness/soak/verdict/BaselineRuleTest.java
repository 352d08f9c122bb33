package dev.dtcharness.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineRuleTest {
    private final BaselineRule threads = new BaselineRule("threads", "threads", 2, 3);

    @Test
    void shouldPassWhenBackToBaselineWithinTolerance() {
        assertThat(threads.decide(new double[]{11, 12, 13, 11, 12}).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldFailWhenAboveBaselineForTheLastPhasesInARow() {
        LayerResult r = threads.decide(new double[]{11, 12, 14, 15, 16});

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("baseline 11", "last 16", "last 3 phase(s)");
    }

    @Test
    void shouldPassAFlatRiseWithANoteWhenOnlyGrowthFails() {
        LayerResult r = BaselineRule.growing("threads", "threads", 2, 3).decide(new double[]{11, 14, 14, 14, 14});

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.summary()).contains("stepped up, then flat");
        assertThat(BaselineRule.growing("threads", "threads", 2, 3).decide(new double[]{11, 12, 14, 15, 16}).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(threads.decide(new double[]{11, 14, 14, 14, 14}).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldFailASlowStaircaseEvenWhenTheLastPhasesAreFlat() {
        double[] staircase = {10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15};

        LayerResult r = BaselineRule.growing("threads", "threads", 2, 3).decide(staircase);

        assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldNotFailOnATransientRise() {
        assertThat(threads.decide(new double[]{11, 20, 20, 11, 11}).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldBeInconclusiveWithFewerPhasesThanTheRuleNeeds() {
        assertThat(threads.decide(new double[]{11, 11}).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldCombineVerdictsWorstFirst() {
        assertThat(Verdict.PASS.and(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.FAIL.and(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.FAIL);
        assertThat(Verdict.PASS.and(Verdict.PASS)).isEqualTo(Verdict.PASS);
    }
}
