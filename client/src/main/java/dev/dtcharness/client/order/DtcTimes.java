package dev.dtcharness.client.order;

/** Fill times as servers send them. */
public final class DtcTimes {
    private DtcTimes() {
    }

    /**
     * Epoch milliseconds from a DTC fill time: v8 says milliseconds, older servers send seconds
     * (FACTS 3.1), so a value before 1973 read as milliseconds is taken as seconds; unset (0 or less) is 0.
     */
    public static long millis(long secondsOrMillis) {
        return secondsOrMillis > 0 && secondsOrMillis < 100_000_000_000L ? secondsOrMillis * 1000 : Math.max(secondsOrMillis, 0);
    }
}
