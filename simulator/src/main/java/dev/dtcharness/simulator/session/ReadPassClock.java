package dev.dtcharness.simulator.session;

import io.netty.util.concurrent.FastThreadLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The simulator's wall clock, read once per socket read on a session's thread rather than once per
 * timestamp: the messages decoded from one read, and what the exchange and the journal do for them
 * while that read is handled, all carry the moment the read began. An order under load took seven
 * readings (journal entries in and out, received, accepted, filled), 6 % of the simulator's thread.
 * One read holds at most what the socket had (64 KiB, some 200 orders), so under the heaviest load
 * a timestamp is that much processing early, well under a millisecond; with one message per read it
 * is the reading it always was. Outside a read (timers, scheduled fills, other threads) it reads
 * the wall clock each time.
 */
public final class ReadPassClock extends Clock {
    private static final long UNPINNED = Long.MIN_VALUE;

    private final Clock wall;
    private final FastThreadLocal<long[]> pinned = new FastThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            return new long[] {UNPINNED};
        }
    };

    public ReadPassClock(Clock wall) {
        this.wall = wall;
    }

    /** From now until {@link #unpin} this thread sees the time this call read. */
    void pin() {
        pinned.get()[0] = wall.millis();
    }

    void unpin() {
        pinned.get()[0] = UNPINNED;
    }

    @Override
    public long millis() {
        long at = pinned.get()[0];
        return at != UNPINNED ? at : wall.millis();
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
