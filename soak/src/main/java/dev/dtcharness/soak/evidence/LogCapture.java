package dev.dtcharness.soak.evidence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Counts WARN and ERROR lines logged anywhere in the JVM (a Logback appender on the root logger),
 * except those an allow-list pattern matches against {@code "logger: message"}. A soak of orders
 * that all fill should log neither; a line that is expected goes on the allow-list with a reason.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final int KEPT = 20;

    private final List<Pattern> allowed;
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong allowedCount = new AtomicLong();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    private final Logger root;

    private LogCapture(List<Pattern> allowed, Logger root) {
        this.allowed = List.copyOf(allowed);
        this.root = root;
    }

    /** Attaches to the root logger; throws when SLF4J is not bound to Logback. */
    public static LogCapture attach(List<Pattern> allowed) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the log layer needs Logback, SLF4J is bound to "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LogCapture capture = new LogCapture(allowed, root);
        capture.setContext(context);
        capture.setName("soak-log-capture");
        capture.start();
        root.addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return;
        }
        String line = event.getLoggerName() + ": " + event.getFormattedMessage();
        if (allowed.stream().anyMatch(p -> p.matcher(line).find())) {
            allowedCount.incrementAndGet();
            return;
        }
        unexpected.incrementAndGet();
        if (examples.size() < KEPT) {
            examples.add(event.getLevel() + " [" + event.getThreadName() + "] " + line);
        }
    }

    /** WARN/ERROR lines no allow-list pattern matched, since attaching. */
    public long unexpected() {
        return unexpected.get();
    }

    public long allowed() {
        return allowedCount.get();
    }

    /** The first unexpected lines, for the report. */
    public List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
