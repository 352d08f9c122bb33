package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PriceGridTest {
    private static final PriceGrid EURO = PriceGrid.of("0.00005");
    private static final PriceGrid ES = PriceGrid.of("0.25");

    @Test
    void shouldWalkAHundredThousandTicksUpAndDownWithoutDrift() {
        BigDecimal tick = new BigDecimal("0.00005");
        BigDecimal start = new BigDecimal("1.08455");
        double price = start.doubleValue();
        double naive = price;
        for (int step = 1; step <= 100_000; step++) {
            price = EURO.plusTicks(price, 1);
            naive += 0.00005;
            // Every step equals the exact decimal's nearest double, not just the end point.
            assertThat(price).isEqualTo(start.add(tick.multiply(BigDecimal.valueOf(step))).doubleValue());
        }
        assertThat(price).isEqualTo(new BigDecimal("6.08455").doubleValue());
        // Adding doubles drifts off the grid: what the grid's integer ticks avoid.
        assertThat(naive).isNotEqualTo(price);
        for (int step = 1; step <= 100_000; step++) {
            price = EURO.plusTicks(price, -1);
        }
        assertThat(price).isEqualTo(start.doubleValue());
    }

    @Test
    void shouldGiveTheNearestDoubleOfTheExactPriceForEveryTickCount() {
        for (long ticks = -50_000; ticks <= 250_000; ticks += 7) {
            assertThat(EURO.priceAsDouble(ticks)).isEqualTo(EURO.price(ticks).doubleValue());
            assertThat(EURO.nearestTicks(EURO.priceAsDouble(ticks))).isEqualTo(ticks);
        }
    }

    @Test
    void shouldStayExactBeyondTheFastPath() {
        // Past 2^53 / unscaled tick the integer product is no longer exact in a double: BigDecimal takes over.
        PriceGrid whole = PriceGrid.of("1");
        long beyond = (1L << 53) + 1;
        assertThat(whole.priceAsDouble(beyond)).isEqualTo(new BigDecimal(beyond).doubleValue());
        long farOut = 3_000_000_000_000_001L;
        assertThat(EURO.priceAsDouble(farOut)).isEqualTo(new BigDecimal("150000000000.00005").doubleValue());
        assertThat(EURO.price(farOut)).isEqualByComparingTo("150000000000.00005");
        assertThat(EURO.priceAsDouble(-farOut)).isEqualTo(-new BigDecimal("150000000000.00005").doubleValue());
    }

    @Test
    void shouldSnapAFloatReadOffTheWireBackToTheExactPrice() {
        // MinPriceIncrement and prices travel as 4-byte floats; the client rounds to the tick (FACTS 7.2).
        for (String p : new String[] {"1.08455", "1.12345", "0.98765", "1.00005"}) {
            double exact = new BigDecimal(p).doubleValue();
            double fromFloat = (float) exact;
            assertThat(fromFloat).isNotEqualTo(exact);
            assertThat(EURO.snap(fromFloat)).isEqualTo(exact);
        }
    }

    @Test
    void shouldRoundHalfAwayFromZeroOnTheDecimalValue() {
        assertThat(ES.snap(4501.125)).isEqualTo(4501.25);
        assertThat(ES.snap(4501.124)).isEqualTo(4501.0);
        assertThat(ES.snap(-37.625)).isEqualTo(-37.75);
        // 1.084525 is not exact in binary (a hair below the half); its decimal form is the half, which rounds up.
        assertThat(EURO.snap(1.084525)).isEqualTo(1.08455);
        assertThat(EURO.ticks(1.084549, RoundingMode.FLOOR)).isEqualTo(21690);
        assertThat(EURO.ticks(1.084501, RoundingMode.CEILING)).isEqualTo(21691);
    }

    @Test
    void shouldCountTicksBetweenPricesBothWays() {
        assertThat(ES.ticksBetween(4500.00, 4501.25)).isEqualTo(5);
        assertThat(ES.ticksBetween(4501.25, 4500.00)).isEqualTo(-5);
        assertThat(ES.ticksBetween(new BigDecimal("4480"), new BigDecimal("4500"))).isEqualTo(80);
        assertThat(EURO.ticksBetween(1.0, 1.1)).isEqualTo(2000);
        assertThat(ES.plusTicks(new BigDecimal("4501.25"), -80)).isEqualByComparingTo("4481.25");
    }

    @Test
    void shouldRefuseAnOffGridExactPriceAndNonFiniteOnes() {
        assertThatThrownBy(() -> ES.ticks(new BigDecimal("4501.10")))
                .hasMessage("price: 4501.10 (expected: a multiple of the tick 0.25)");
        assertThat(ES.isOnGrid(new BigDecimal("4501.10"))).isFalse();
        assertThat(ES.isOnGrid(new BigDecimal("4501.50"))).isTrue();
        assertThatThrownBy(() -> ES.snap(Double.NaN)).hasMessage("price: NaN (expected: a finite number)");
        assertThatThrownBy(() -> ES.plusTicks(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> PriceGrid.of("0")).hasMessage("tickSize: 0 (expected: a number above 0)");
    }

    @Test
    void shouldTreatEqualTicksWrittenDifferentlyAlike() {
        PriceGrid tenths = PriceGrid.of("0.10");
        PriceGrid whole = PriceGrid.of("10");
        assertThat(tenths.tickSize()).isEqualByComparingTo("0.1");
        assertThat(tenths.priceAsDouble(24_153)).isEqualTo(2415.3);
        assertThat(whole.priceAsDouble(7)).isEqualTo(70.0);
        assertThat(PriceGrid.of(new BigDecimal("1E+1")).priceAsDouble(7)).isEqualTo(70.0);
    }
}
