package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedMarketClockTest {

    @Test
    void movesOnlyWhenTold() {
        SimulatedMarketClock clock = MarketClock.simulated(1_700_000_000_000L);
        assertThat(clock.nowMillis()).isEqualTo(1_700_000_000_000L);
        clock.advanceBy(250);
        assertThat(clock.nowMillis()).isEqualTo(1_700_000_000_250L);
        clock.advanceTo(1_700_000_005_000L);
        assertThat(clock.nowMillis()).isEqualTo(1_700_000_005_000L);
        clock.advanceTo(1_700_000_005_000L);
        assertThat(clock.nowMillis()).isEqualTo(1_700_000_005_000L);
    }

    @Test
    void neverGoesBack() {
        SimulatedMarketClock clock = MarketClock.simulated(1000);
        assertThatThrownBy(() -> clock.advanceTo(999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("market clock: 999 (expected: not before the current 1000)");
        assertThatThrownBy(() -> clock.advanceBy(-1))
                .hasMessage("advance: -1 ms (expected: >= 0)");
        assertThat(clock.nowMillis()).isEqualTo(1000);
    }

    @Test
    void theRealTimeFlavourReadsItsClock() {
        Clock fixed = Clock.fixed(Instant.ofEpochMilli(1_765_000_000_123L), ZoneOffset.UTC);
        assertThat(MarketClock.realTime(fixed).nowMillis()).isEqualTo(1_765_000_000_123L);
    }
}
