package dev.dtcharness.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickGridTest {
    private static final TickGrid EURO = TickGrid.of("0.00005");
    private static final TickGrid ES = TickGrid.of("0.25");

    // Exactness: a tick count is the double nearest its exact decimal price, whatever the path.

    @Test
    void aTickCountIsTheDoubleItsDecimalTextParsesTo() {
        TickGrid tenths = TickGrid.of(0.1);
        // Plain arithmetic gives 13 * 0.1 = 1.3000000000000003; the grid must not.
        assertThat(tenths.price(13)).isEqualTo(1.3);
        assertThat(TickGrid.of(0.25).price(18005)).isEqualTo(4501.25);
        assertThat(TickGrid.of(0.00005).price(21847)).isEqualTo(1.09235);
        assertThat(TickGrid.of(0.03125).price(3541)).isEqualTo(110.65625);
    }

    @Test
    void shouldGiveTheNearestDoubleOfTheExactPriceForEveryTickCount() {
        for (long ticks = -50_000; ticks <= 250_000; ticks += 7) {
            assertThat(EURO.price(ticks)).isEqualTo(EURO.exactPrice(ticks).doubleValue());
            assertThat(EURO.nearestTicks(EURO.price(ticks))).isEqualTo(ticks);
        }
    }

    @Test
    void shouldStayExactBeyondTheFastPath() {
        // Past 2^53 / unscaled tick the integer product is no longer exact in a double: BigDecimal takes over.
        TickGrid whole = TickGrid.of("1");
        long beyond = (1L << 53) + 1;
        assertThat(whole.price(beyond)).isEqualTo(new BigDecimal(beyond).doubleValue());
        long farOut = 3_000_000_000_000_001L;
        assertThat(EURO.price(farOut)).isEqualTo(new BigDecimal("150000000000.00005").doubleValue());
        assertThat(EURO.exactPrice(farOut)).isEqualByComparingTo("150000000000.00005");
        assertThat(EURO.price(-farOut)).isEqualTo(-new BigDecimal("150000000000.00005").doubleValue());
    }

    @Test
    void aTickWithNoFastPathStillPricesEveryCountIncludingZero() {
        // 30 decimals is past the exact powers of ten a double holds; a 20-digit mantissa is past a long.
        TickGrid tiny = TickGrid.of("1E-30");
        assertThat(tiny.price(0)).isEqualTo(0.0);
        assertThat(tiny.price(3)).isEqualTo(3e-30);
        TickGrid wide = TickGrid.of("12345678901234567890");
        assertThat(wide.price(0)).isEqualTo(0.0);
        assertThat(wide.price(2)).isEqualTo(new BigDecimal("24691357802469135780").doubleValue());
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

    // Reading prices: exact from text and BigDecimal, with a tolerance from a computed double, or rounded.

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

    @Test
    void shouldRefuseAnOffGridExactPriceAndNonFiniteOnes() {
        assertThatThrownBy(() -> ES.ticks(new BigDecimal("4501.10")))
                .hasMessage("price: 4501.10 (expected: a multiple of the tick size 0.25)");
        assertThat(ES.isOnGrid(new BigDecimal("4501.10"))).isFalse();
        assertThat(ES.isOnGrid(new BigDecimal("4501.50"))).isTrue();
        assertThatThrownBy(() -> ES.snap(Double.NaN)).hasMessage("price: NaN (expected: a finite number)");
        assertThatThrownBy(() -> ES.plusTicks(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> TickGrid.of("0")).hasMessage("tickSize: 0 (expected: a finite number above 0)");
    }

    @Test
    void aPriceBeyondALongOfTicksIsAPlainError() {
        String huge = "1E+30";
        assertThatThrownBy(() -> ES.ticks(huge))
                .hasMessage("price: 1E+30 (expected: a price of at most 9223372036854775807 ticks)");
        assertThatThrownBy(() -> ES.ticks(new BigDecimal(huge), RoundingMode.FLOOR))
                .hasMessage("price: 1000000000000000000000000000000 (expected: a price of at most 9223372036854775807 ticks)");
        assertThatThrownBy(() -> ES.nearestTicks(1e30)).hasMessageContaining("at most 9223372036854775807 ticks");
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
    void shouldSnapAFloatReadOffTheWireBackToTheExactPrice() {
        // MinPriceIncrement and prices travel as 4-byte floats; the client rounds to the tick (FACTS 7.2).
        for (String p : new String[] {"1.08455", "1.12345", "0.98765", "1.00005"}) {
            double exact = new BigDecimal(p).doubleValue();
            double fromFloat = (float) exact;
            assertThat(fromFloat).isNotEqualTo(exact);
            assertThat(EURO.snap(fromFloat)).isEqualTo(exact);
        }
    }

    // Moving and measuring in ticks.

    @Test
    void shouldCountTicksBetweenPricesBothWays() {
        assertThat(ES.ticksBetween(4500.00, 4501.25)).isEqualTo(5);
        assertThat(ES.ticksBetween(4501.25, 4500.00)).isEqualTo(-5);
        assertThat(ES.ticksBetween(new BigDecimal("4480"), new BigDecimal("4500"))).isEqualTo(80);
        assertThat(EURO.ticksBetween(1.0, 1.1)).isEqualTo(2000);
        assertThat(ES.plusTicks(new BigDecimal("4501.25"), -80)).isEqualByComparingTo("4481.25");
    }

    // The tick itself: written any way, read back as written, refused when it cannot be a tick.

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.25, Double.NaN, Double.POSITIVE_INFINITY})
    void aTickSizeMustBePositiveAndFinite(double tickSize) {
        assertThatThrownBy(() -> TickGrid.of(tickSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tickSize: ")
                .hasMessageEndingWith("(expected: a finite number above 0)");
    }

    @Test
    void aTickSizeThatIsNotANumberIsAPlainError() {
        assertThatThrownBy(() -> TickGrid.of("0,25")).hasMessage("tickSize: '0,25' (expected: a finite number above 0)");
        assertThatThrownBy(() -> TickGrid.of((BigDecimal) null)).hasMessage("tickSize: null (expected: a finite number above 0)");
    }

    @Test
    void theTickSizeReadsAsWritten() {
        assertThat(TickGrid.of(0.0001).tickSizeText()).isEqualTo("0.0001");
        assertThat(TickGrid.of(25).tickSizeText()).isEqualTo("25");
        assertThat(TickGrid.of(25).price(3)).isEqualTo(75.0);
    }

    @Test
    void shouldTreatEqualTicksWrittenDifferentlyAlike() {
        TickGrid tenths = TickGrid.of("0.10");
        TickGrid whole = TickGrid.of("10");
        assertThat(tenths.tickSize()).isEqualByComparingTo("0.1");
        assertThat(tenths.price(24_153)).isEqualTo(2415.3);
        assertThat(whole.price(7)).isEqualTo(70.0);
        assertThat(TickGrid.of(new BigDecimal("1E+1")).price(7)).isEqualTo(70.0);
        // A double tick is its shortest decimal, so 0.1 as a double and "0.1" as text are the same grid.
        assertThat(TickGrid.of(0.1).tickSize()).isEqualByComparingTo(tenths.tickSize());
        assertThat(TickGrid.of(0.1).tickSizeAsDouble()).isEqualTo(0.1);
    }
}
