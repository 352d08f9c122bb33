package dev.dtcharness.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects every log line written while it is open, so a test can assert what an operator would read. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /** Read by the test while event-loop threads still log: a list safe for both. */
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

    /** "WARN message" lines, in order. */
    List<String> lines() {
        return events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** The WARN and ERROR lines only. */
    List<String> problems() {
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** Whether any line carries a stack trace: a peer's mistake must not. */
    boolean anyStackTrace() {
        return events.stream().anyMatch(e -> e.getThrowableProxy() != null);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
