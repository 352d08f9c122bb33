package dev.dtcharness.simulator.market.price;

/**
 * Market time that moves only when a test (or a scenario step) moves it. It never goes back, because a
 * market's events are ordered by it.
 */
public final class SimulatedMarketClock implements MarketClock {

    // Read by whichever thread drives the market, written by the test thread.
    private volatile long nowMillis;

    SimulatedMarketClock(long startMillis) {
        if (startMillis < 0) {
            throw new IllegalArgumentException("start: " + startMillis + " (expected: epoch milliseconds >= 0)");
        }
        this.nowMillis = startMillis;
    }

    @Override
    public long nowMillis() {
        return nowMillis;
    }

    public synchronized void advanceTo(long timeMillis) {
        if (timeMillis < nowMillis) {
            throw new IllegalArgumentException("market clock: " + timeMillis
                    + " (expected: not before the current " + nowMillis + ")");
        }
        nowMillis = timeMillis;
    }

    public synchronized void advanceBy(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("advance: " + millis + " ms (expected: >= 0)");
        }
        nowMillis = Math.addExact(nowMillis, millis);
    }

    @Override
    public String toString() {
        return "SimulatedMarketClock[" + nowMillis + "]";
    }
}
