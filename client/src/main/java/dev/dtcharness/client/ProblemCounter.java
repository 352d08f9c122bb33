package dev.dtcharness.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Counts the warnings and errors one client logged, so a test or a health check can assert "none"
 * without scraping log files. Every warning and error the client logs goes through here.
 */
public final class ProblemCounter {
    private static final int KEPT = 100;

    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Deque<String> recent = new ArrayDeque<>();

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
