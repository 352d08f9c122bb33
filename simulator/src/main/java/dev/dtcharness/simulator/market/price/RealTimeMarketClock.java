package dev.dtcharness.simulator.market.price;

import java.time.Clock;

/** Market time that is wall-clock time. Not for tests: two runs see different times. */
final class RealTimeMarketClock implements MarketClock {

    private final Clock clock;

    RealTimeMarketClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long nowMillis() {
        return clock.millis();
    }

    @Override
    public String toString() {
        return "RealTimeMarketClock[" + clock + "]";
    }
}
