package dev.dtcharness.client.track;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.FillListener;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderListener;
import dev.dtcharness.protocol.DtcMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void onFill(Fill fill, Order order) {
        log.info("fill detected: {} {} {} at {} ({})", fill.side(), fill.quantity(), fill.symbol(), fill.price(),
                fill.executionId());
        events.add(new Event(Kind.FILL, order, fill));
    }

    @Override
    public void onOrderUpdate(Order after, DtcMessage update) {
        Kind kind = after.isFilled() ? Kind.FILLED : after.statusName().equals("ORDER_STATUS_CANCELED") ? Kind.CANCELED : null;
        String id = after.clientOrderId().isEmpty() ? "S:" + after.serverOrderId() : after.clientOrderId();
        if (kind != null && ended.add(id)) {
            log.info("order {} detected: {}", kind == Kind.FILLED ? "filled" : "canceled", after.describe());
            events.add(new Event(kind, after, null));
        }
    }

    /** Everything detected, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }
}
