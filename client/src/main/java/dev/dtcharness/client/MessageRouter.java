package dev.dtcharness.client;

import dev.dtcharness.client.order.OrderBook;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every inbound message takes: ORDER_UPDATEs go through the order book first, so a
 * listener always sees the book already changed, then to the listeners registered for that
 * message name. A listener that throws is logged and skipped; it never stalls the others.
 */
final class MessageRouter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final OrderBook book;
    private final Map<String, List<MessageListener>> byName = new ConcurrentHashMap<>();
    private final List<OrderListener> orderListeners = new CopyOnWriteArrayList<>();

    MessageRouter(OrderBook book) {
        this.book = book;
    }

    Subscription onMessage(String messageName, MessageListener listener) {
        List<MessageListener> list = byName.computeIfAbsent(messageName, n -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    Subscription onOrderUpdate(OrderListener listener) {
        orderListeners.add(listener);
        return () -> orderListeners.remove(listener);
    }

    /** Runs on the event loop, in arrival order. */
    void route(Object inbound) {
        if (inbound instanceof UnknownMessage unknown) {
            log.warn("ignored a message of type {} from the server: not a DTC v8 message with a body ({} bytes)",
                    unknown.type(), unknown.size());
            return;
        }
        DtcMessage m = (DtcMessage) inbound;
        if (m.is("ORDER_UPDATE")) {
            Optional<Order> after = book.apply(m);
            after.ifPresent(order -> orderListeners.forEach(l -> notify(l, order, m)));
        }
        List<MessageListener> listeners = byName.get(m.name());
        if (listeners != null) {
            for (MessageListener l : listeners) {
                try {
                    l.onMessage(m);
                } catch (RuntimeException e) {
                    log.error("a listener for {} failed; the others still run", m.name(), e);
                }
            }
        }
    }

    private static void notify(OrderListener l, Order order, DtcMessage update) {
        try {
            l.onOrderUpdate(order, update);
        } catch (RuntimeException e) {
            log.error("an order listener failed on {}; the others still run", order.describe(), e);
        }
    }
}
