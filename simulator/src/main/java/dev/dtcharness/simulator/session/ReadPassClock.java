package dev.dtcharness.simulator.session;

import io.netty.util.concurrent.FastThreadLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The simulator's wall clock, read about once per 32 timestamps while a session's socket read is
 * handled, instead of for every one: an order under load took seven readings (journal entries in and
 * out, received, accepted, filled), a visible share of the simulator's thread. During a read a timestamp is the
 * reading taken at most 31 timestamps before it (some five orders, tens of microseconds under full load);
 * with one message per read it is the reading taken for that read. Outside a read (timers, scheduled
 * fills, other threads) it reads the wall clock each time.
 */
public final class ReadPassClock extends Clock {
    private static final long UNPINNED = Long.MIN_VALUE;
    /** Timestamps given out per reading of the wall clock, while pinned. */
    static final int PER_READING = 32;

    private final Clock wall;
    private final FastThreadLocal<long[]> pinned = new FastThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            // The reading, and how many more timestamps it may give.
            return new long[] {UNPINNED, 0};
        }
    };

    public ReadPassClock(Clock wall) {
        this.wall = wall;
    }

    /** From now until {@link #unpin} this thread's timestamps share readings. */
    void pin() {
        long[] p = pinned.get();
        p[0] = wall.millis();
        p[1] = PER_READING;
    }

    void unpin() {
        pinned.get()[0] = UNPINNED;
    }

    @Override
    public long millis() {
        long[] p = pinned.get();
        if (p[0] == UNPINNED) {
            return wall.millis();
        }
        if (--p[1] < 0) {
            p[0] = wall.millis();
            p[1] = PER_READING - 1;
        }
        return p[0];
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ReadPassClock(wall.withZone(zone));
    }
}
