package dev.dtcharness.client.internal.order;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes ClientOrderIDs that stay unique for a whole trading session, across reconnects and
 * restarts: a server rejects an id used earlier that day (FACTS 4.15), so a counter alone is not
 * enough. Each instance takes a time-based prefix no other instance in this JVM has taken.
 */
public final class ClientOrderIds {
    private static final AtomicLong LAST_PREFIX = new AtomicLong();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public ClientOrderIds() {
        long stamp = LAST_PREFIX.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        this.prefix = "DH" + Long.toString(stamp, 36).toUpperCase() + "-";
    }

    /** "DHM3XK2A1B-1", "DHM3XK2A1B-2", ...: well inside ClientOrderID's 31 characters. */
    public String next() {
        return prefix + counter.incrementAndGet();
    }
}
