package dev.dtcharness.simulator.market.price;

import java.time.Clock;

/**
 * The market's time, in epoch milliseconds. Everything that moves a price reads its time here and
 * nowhere else, so a test that owns a {@link SimulatedMarketClock} owns the whole market's timeline.
 */
public interface MarketClock {

    long nowMillis();

    /** A clock that only moves when told, starting at {@code startMillis}. */
    static SimulatedMarketClock simulated(long startMillis) {
        return new SimulatedMarketClock(startMillis);
    }

    /** Wall-clock time, for a simulator a person watches. */
    static MarketClock realTime() {
        return realTime(Clock.systemUTC());
    }

    static MarketClock realTime(Clock clock) {
        return new RealTimeMarketClock(clock);
    }
}
