package dev.dtcharness.simulator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects every log line written while it is open, so a test can assert what an operator would read. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /**
     * Read by the test while event-loop threads still log: Logback's ListAppender adds under the
     * appender's lock, not the list's, so a list safe for both.
     */
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            events.add(e);
        }
    };

    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** "WARN message" lines, in order; safe to call while logging goes on. */
    List<String> lines() {
        return events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** The lines logged with a stack trace: a peer's mistake must never cost one. */
    List<String> withStackTraces() {
        return events.stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getFormattedMessage() + ": " + e.getThrowableProxy().getClassName())
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
