package dev.dtcharness.protocol.time;

/**
 * DTC's wire times and epoch milliseconds, both ways: one place for the units each time type has
 * (FACTS 3.1), so no sender or reader converts by hand.
 */
public final class DtcTimes {
    /** Below this, a fill time read as milliseconds would fall before 1973: it must be seconds. */
    private static final long SECONDS_BEFORE = 100_000_000_000L;

    private DtcTimes() {
    }

    /**
     * Epoch milliseconds from a DTC fill time: v8 says milliseconds, older servers send seconds
     * (FACTS 3.1), so a value before 1973 read as milliseconds is taken as seconds; unset (0 or less) is 0.
     */
    public static long millis(long secondsOrMillis) {
        return secondsOrMillis > 0 && secondsOrMillis < SECONDS_BEFORE ? secondsOrMillis * 1000 : Math.max(secondsOrMillis, 0);
    }

    /** A {@code t_DateTimeWithMilliseconds} (seconds with a fraction) for epoch milliseconds. */
    public static double withMilliseconds(long epochMillis) {
        return epochMillis / 1000.0;
    }

    /** A {@code t_DateTime} (whole seconds) for epoch milliseconds, the fraction dropped. */
    public static long seconds(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000L);
    }
}
