package dev.dtcharness.client;

import dev.dtcharness.client.order.AppliedUpdate;
import dev.dtcharness.client.order.OrderBook;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
    private final List<FillListener> fillListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AppliedUpdate>> bookListeners = new CopyOnWriteArrayList<>();
    private final ProblemCounter problems;
    private final NonFiniteValues nonFinite;
    /**
     * Whether an app listener hears ORDER_UPDATEs (as a message, or beside an order change) or
     * POSITION_UPDATEs: it may keep them, so they must then be decoded each into a message of its own.
     */
    private volatile boolean updatesHeardByApp;
    private volatile boolean positionsHeardByApp;

    MessageRouter(OrderBook book, ProblemCounter problems) {
        this.book = book;
        this.problems = problems;
        this.nonFinite = new NonFiniteValues(problems);
    }

    Subscription onFill(FillListener listener) {
        fillListeners.add(listener);
        return () -> fillListeners.remove(listener);
    }

    /** The client's own bookkeeping (persistence, pending cancels): hears every change first. */
    Subscription onBookChange(Consumer<AppliedUpdate> listener) {
        bookListeners.add(listener);
        return () -> bookListeners.remove(listener);
    }

    /** Tells everyone about a change the book made outside an ORDER_UPDATE (a fill found after a reconnect). */
    void publish(AppliedUpdate applied, DtcMessage cause) {
        for (Consumer<AppliedUpdate> l : bookListeners) {
            try {
                l.accept(applied);
            } catch (RuntimeException e) {
                problems.error(log, "the client's own bookkeeping failed on {}", applied, e);
            }
        }
        if (applied.newFill() != null) {
            for (FillListener l : fillListeners) {
                try {
                    l.onFill(applied.newFill(), applied.after());
                } catch (RuntimeException e) {
                    problems.error(log, "a fill listener failed on {}; the others still run", applied.newFill(), e);
                }
            }
        }
        // After the fill: "fill detected" comes before "order filled detected". A missed fill found on
        // reconnect changes the order too, so order listeners hear it, with that message as the cause.
        if (applied.after() != null) {
            orderListeners.forEach(l -> notify(l, applied.before(), applied.after(), cause));
        }
    }

    /** An app's listener: it may keep the messages it hears. */
    Subscription onMessage(String messageName, MessageListener listener) {
        if (messageName.equals(UPDATE.name())) {
            updatesHeardByApp = true;
        } else if (messageName.equals(POSITION.name())) {
            positionsHeardByApp = true;
        }
        return onMessageInside(messageName, listener);
    }

    /** The client's own listener: it lets go of each message before the next one is read. */
    Subscription onMessageInside(String messageName, MessageListener listener) {
        List<MessageListener> list = byName.computeIfAbsent(messageName, n -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** An app's listener: it may keep the ORDER_UPDATEs it hears. */
    Subscription onOrderUpdate(OrderListener listener) {
        updatesHeardByApp = true;
        return onOrderUpdateInside(listener);
    }

    /** The client's own listener: it lets go of each ORDER_UPDATE before the next one is read. */
    Subscription onOrderUpdateInside(OrderListener listener) {
        orderListeners.add(listener);
        return () -> orderListeners.remove(listener);
    }

    /**
     * Whether every reader of this type of message lets go of each one before the next is read, so
     * the codec may decode them all into one message (asked per frame; see ReusedMessages): the
     * two that come with every order, while no app listener hears them. Once one does, for good:
     * it may still hold messages after it unsubscribes.
     */
    boolean lettingGo(MessageSpec spec) {
        return spec == UPDATE ? !updatesHeardByApp : spec == POSITION && !positionsHeardByApp;
    }

    private static final MessageSpec UPDATE = DtcSpec.v8().message("ORDER_UPDATE");
    private static final MessageSpec POSITION = DtcSpec.v8().message("POSITION_UPDATE");

    /**
     * Runs on the event loop, in arrival order. Non-finite values are refused before any reader sees the
     * message ({@link NonFiniteValues}); true when that refused the fill the message carries.
     */
    boolean route(Object inbound) {
        if (inbound instanceof UnknownMessage unknown) {
            problems.warn(log, "ignored a message of type {} from the server: not a DTC v8 message with a body ({} bytes)",
                    unknown.type(), unknown.size());
            return false;
        }
        DtcMessage m = (DtcMessage) inbound;
        long refused = nonFinite.refuse(m);
        boolean fillRefused = refused != 0 && NonFiniteValues.fillRefused(m, refused);
        if (NonFiniteValues.refusedWhole(m, refused)) {
            return fillRefused;
        }
        if (m.is("ORDER_UPDATE")) {
            AppliedUpdate applied = book.applyUpdateOrNull(m, fillRefused);
            if (applied != null) {
                publish(applied, m);
            }
        }
        List<MessageListener> listeners = byName.get(m.name());
        if (listeners != null) {
            for (MessageListener l : listeners) {
                try {
                    l.onMessage(m);
                } catch (RuntimeException e) {
                    problems.error(log, "a listener for {} failed; the others still run", m.name(), e);
                }
            }
        }
        return fillRefused;
    }

    private void notify(OrderListener l, Order before, Order order, DtcMessage update) {
        try {
            l.onOrderChange(before, order, update);
        } catch (RuntimeException e) {
            problems.error(log, "an order listener failed on {}; the others still run", order.describe(), e);
        }
    }
}
