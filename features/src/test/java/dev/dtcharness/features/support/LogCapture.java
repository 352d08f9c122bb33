package dev.dtcharness.features.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.picocontainer.Disposable;
import org.slf4j.LoggerFactory;

/**
 * Every log line the client and simulator write during one scenario, so a step can assert what an
 * operator would read: the status changes of an order, or that nothing was logged at WARN or above.
 */
public class LogCapture implements Disposable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Formatted messages of the lines at {@code level} or above, oldest first. */
    public List<String> linesAtOrAbove(Level level) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()).toList();
        }
    }

    /** Formatted messages of the lines written by loggers whose name starts with {@code prefix}. */
    public List<String> messagesFrom(String prefix) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLoggerName().startsWith(prefix))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void dispose() {
        root.detachAppender(appender);
    }
}
