package dev.dtcharness.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SenSlopeTest {

    @Test
    void shouldFitAStraightLineExactly() {
        SenSlope fit = SenSlope.fit(new double[]{0, 1_000, 2_000, 3_000}, new double[]{500, 2_500, 4_500, 6_500});

        assertThat(fit.slope()).isEqualTo(2.0);
        assertThat(fit.intercept()).isEqualTo(500.0);
        assertThat(fit.lower()).isEqualTo(2.0);
        assertThat(fit.upper()).isEqualTo(2.0);
        assertThat(fit.at(4_000)).isEqualTo(8_500.0);
    }

    @Test
    void shouldIgnoreOneOutlierThatWouldDragLeastSquares() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {0, 10, 20, 30, 40, 5_000, 60, 70, 80, 90};   // one late GC left garbage behind

        SenSlope fit = SenSlope.fit(x, y);

        assertThat(fit.slope()).isCloseTo(10.0, within(1e-9));
        assertThat(fit.lower()).isLessThanOrEqualTo(fit.slope());
        assertThat(fit.upper()).isGreaterThanOrEqualTo(fit.slope());
    }

    @Test
    void shouldTakeTheMedianOfAllPairwiseSlopes() {
        // pairwise slopes: (1,0)->(2,4): 4, (1,0)->(3,5): 2.5, (2,4)->(3,5): 1; median 2.5
        SenSlope fit = SenSlope.fit(new double[]{1, 2, 3}, new double[]{0, 4, 5});

        assertThat(fit.slope()).isEqualTo(2.5);
        assertThat(fit.lower()).isEqualTo(1.0);
        assertThat(fit.upper()).isEqualTo(4.0);
    }

    @Test
    void shouldWidenTheIntervalWithNoise() {
        double[] x = new double[20];
        double[] quiet = new double[20];
        double[] noisy = new double[20];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            double e = random.nextDouble(-1, 1);
            x[i] = i;
            quiet[i] = 3 * i + e;
            noisy[i] = 3 * i + 20 * e;
        }

        SenSlope a = SenSlope.fit(x, quiet);
        SenSlope b = SenSlope.fit(x, noisy);

        assertThat(b.upper() - b.lower()).isGreaterThan(a.upper() - a.lower());
    }

    @Test
    void shouldRefuseASingleX() {
        assertThatThrownBy(() -> SenSlope.fit(new double[]{5, 5}, new double[]{1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two points with different x");
    }
}
