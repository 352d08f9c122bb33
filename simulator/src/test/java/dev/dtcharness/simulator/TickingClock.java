package dev.dtcharness.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock one millisecond later at every reading, so that each reading shows in what it stamped. */
public final class TickingClock extends Clock {
    private long next;
    private int readings;

    /** The first reading gives {@code firstMillis}. */
    public TickingClock(long firstMillis) {
        this.next = firstMillis;
    }

    public int readings() {
        return readings;
    }

    @Override
    public long millis() {
        readings++;
        return next++;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
