package dev.dtcharness.client.track;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.FillListener;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderListener;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.MessageView;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the order stream into the two events an app acts on: "order filled detected" (each fill
 * once, and the order's completion once) and "order canceled detected". Register it with both
 * {@code client.onFill(detector)} and {@code client.onOrderUpdate(detector)}.
 */
public final class FillDetector implements FillListener, OrderListener {
    private static final Logger log = LoggerFactory.getLogger(FillDetector.class);

    /** What was detected. */
    public enum Kind {
        FILL, FILLED, CANCELED
    }

    /** One detection; {@code fill} is null for FILLED and CANCELED. */
    public record Event(Kind kind, Order order, Fill fill) {
    }

    /** The most recent detections only: an app reacts to events as they come; this is for looking back a little. */
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    /** Orders whose end was reported, so a repeated FILLED or CANCELED is not reported again; oldest forgotten first. */
    private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > endedRemembered;
        }
    });
    private final int kept;
    private final int endedRemembered;

    public FillDetector() {
        this(OrderBook.DEFAULT_RETAIN_FINISHED);
    }

    /** Keeps the last {@code kept} events, and remembers ten times as many ended orders for the "once" rule. */
    public FillDetector(int kept) {
        this.kept = Math.max(1, kept);
        this.endedRemembered = Math.max(1_000, 10 * this.kept);
    }

    @Override
    public void onFill(Fill fill, Order order) {
        if (log.isInfoEnabled()) {
            // Guarded: the arguments box two doubles and fill an array even when INFO is off.
            log.info("fill detected: {} {} {} at {} ({})", fill.side(), fill.quantity(), fill.symbol(), fill.price(),
                    fill.executionId());
        }
        remember(new Event(Kind.FILL, order, fill));
    }

    /**
     * Called by the client: the book moves an order into an ending status once, so "before" says
     * whether this change ended it; a repeated FILLED finds it ended already. No set of ids needed.
     */
    @Override
    public void onOrderChange(Order before, Order after, MessageView update) {
        Kind kind = endingKind(after);
        if (kind != null && (before == null || !before.isTerminal())) {
            detected(kind, after);
        }
    }

    /** For an app that registers the detector itself with only the snapshot: each order's end is remembered. */
    @Override
    public void onOrderUpdate(Order after, MessageView update) {
        Kind kind = endingKind(after);
        if (kind == null) {
            // Most updates end nothing: they cost no id, no lock and no log line here.
            return;
        }
        String id = after.clientOrderId().isEmpty() ? "S:" + after.serverOrderId() : after.clientOrderId();
        boolean first;
        synchronized (this) {
            first = ended.add(id);
        }
        if (first) {
            detected(kind, after);
        }
    }

    private static Kind endingKind(Order after) {
        return after.isFilled() ? Kind.FILLED : after.status() == OrderStatus.CANCELED.value() ? Kind.CANCELED : null;
    }

    private void detected(Kind kind, Order after) {
        if (log.isInfoEnabled()) {
            log.info("order {} detected: {}", kind == Kind.FILLED ? "filled" : "canceled", after.describe());
        }
        remember(new Event(kind, after, null));
    }

    /** The most recent detections, oldest first. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<Event> events(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    private synchronized void remember(Event e) {
        events.addLast(e);
        while (events.size() > kept) {
            events.removeFirst();
        }
    }
}
