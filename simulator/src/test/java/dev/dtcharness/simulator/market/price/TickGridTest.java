package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickGridTest {

    @Test
    void aTickCountIsTheDoubleItsDecimalTextParsesTo() {
        TickGrid tenths = TickGrid.of(0.1);
        // Plain arithmetic gives 13 * 0.1 = 1.3000000000000003; the grid must not.
        assertThat(tenths.price(13)).isEqualTo(1.3);
        assertThat(TickGrid.of(0.25).price(18005)).isEqualTo(4501.25);
        assertThat(TickGrid.of(0.00005).price(21847)).isEqualTo(1.09235);
        assertThat(TickGrid.of(0.03125).price(3541)).isEqualTo(110.65625);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.01, 0.00005, 0.03125, 0.5, 5, 1e-8})
    void aMillionStepsLandExactlyOnTheGrid(double tickSize) {
        TickGrid grid = TickGrid.of(tickSize);
        BigDecimal tick = new BigDecimal(grid.tickSizeText());
        long ticks = 1000;
        for (int i = 0; i < 1_000_000; i++) {
            ticks += (i % 3 == 0) ? -1 : 1;
        }
        double price = grid.price(ticks);
        double expected = tick.multiply(BigDecimal.valueOf(ticks)).doubleValue();
        assertThat(price).isEqualTo(expected);
        assertThat(grid.ticks(price)).isEqualTo(ticks);
        assertThat(grid.ticks(BigDecimal.valueOf(price).toPlainString())).isEqualTo(ticks);
    }

    @Test
    void aPriceBetweenTicksIsAnErrorNotARounding() {
        TickGrid es = TickGrid.of(0.25);
        assertThatThrownBy(() -> es.ticks(4501.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price: 4501.3 (expected: a multiple of the tick size 0.25)");
        assertThatThrownBy(() -> es.ticks("4501.30"))
                .hasMessage("price: 4501.30 (expected: a multiple of the tick size 0.25)");
        assertThatThrownBy(() -> es.ticks("45O1"))
                .hasMessage("price: '45O1' (expected: a decimal number)");
        assertThat(es.nearestTicks(4501.3)).isEqualTo(18005);
    }

    @Test
    void aComputedPriceAnUlpOffTheGridStillCounts() {
        TickGrid tenths = TickGrid.of(0.1);
        double computed = 0.1 + 0.2;
        assertThat(computed).isNotEqualTo(0.3);
        assertThat(tenths.ticks(computed)).isEqualTo(3);
        assertThat(tenths.ticks("0.3")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.25, Double.NaN, Double.POSITIVE_INFINITY})
    void aTickSizeMustBePositiveAndFinite(double tickSize) {
        assertThatThrownBy(() -> TickGrid.of(tickSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tick size: ")
                .hasMessageEndingWith("(expected: a positive, finite number)");
    }

    @Test
    void theTickSizeReadsAsWritten() {
        assertThat(TickGrid.of(0.0001).tickSizeText()).isEqualTo("0.0001");
        assertThat(TickGrid.of(25).tickSizeText()).isEqualTo("25");
        assertThat(TickGrid.of(25).price(3)).isEqualTo(75.0);
    }
}
