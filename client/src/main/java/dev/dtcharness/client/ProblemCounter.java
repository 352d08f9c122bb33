package dev.dtcharness.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Counts the warnings and errors one client logged, so a test or a health check can assert "none"
 * without scraping log files. Every warning and error the client logs goes through here; protocol
 * violations (a server breaking DTC's rules) are counted again by kind.
 */
public final class ProblemCounter {
    private static final int KEPT = 100;

    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Deque<String> recent = new ArrayDeque<>();
    private final AtomicLongArray violations = new AtomicLongArray(ProtocolViolation.values().length);
    private final Deque<String> recentViolations = new ArrayDeque<>();

    public void warn(Logger log, String format, Object... args) {
        warnings.incrementAndGet();
        log.warn(format, args);
        remember("WARN", format, args);
    }

    public void error(Logger log, String format, Object... args) {
        errors.incrementAndGet();
        log.error(format, args);
        remember("ERROR", format, args);
    }

    /**
     * A server's protocol violation: one line at ERROR ({@code error}) or WARN, starting "protocol
     * violation (kind words):", counted as that level and by kind.
     */
    public void violation(Logger log, ProtocolViolation kind, boolean error, String format, Object... args) {
        violations.incrementAndGet(kind.ordinal());
        String line = "protocol violation (" + kind.words() + "): " + format;
        if (error) {
            error(log, line, args);
        } else {
            warn(log, line, args);
        }
        synchronized (this) {
            if (recentViolations.size() == KEPT) {
                recentViolations.removeFirst();
            }
            recentViolations.addLast(kind + " " + MessageFormatter.arrayFormat(line, args).getMessage());
        }
    }

    /** Protocol violations of every kind counted so far. */
    public long violationCount() {
        long n = 0;
        for (int i = 0; i < violations.length(); i++) {
            n += violations.get(i);
        }
        return n;
    }

    public long violationCount(ProtocolViolation kind) {
        return violations.get(kind.ordinal());
    }

    /** The last hundred protocol violations, oldest first: "OVERFILL protocol violation (...): ...". */
    public synchronized List<String> recentViolations() {
        return List.copyOf(recentViolations);
    }

    public long warningCount() {
        return warnings.get();
    }

    public long errorCount() {
        return errors.get();
    }

    /** The last hundred problems, oldest first, as logged. */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    private synchronized void remember(String level, String format, Object[] args) {
        if (recent.size() == KEPT) {
            recent.removeFirst();
        }
        recent.addLast(level + " " + MessageFormatter.arrayFormat(format, args).getMessage());
    }
}
