package dev.dtcharness.client.internal.routing;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.MessageListener;
import dev.dtcharness.client.Subscription;
import dev.dtcharness.client.OrderListener;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.FillListener;
import dev.dtcharness.client.internal.order.AppliedUpdate;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.PositionUpdate;
import dev.dtcharness.protocol.UnknownMessage;
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
 *
 * <p>Who may keep what is in the types: the client's own readers (the book, reconciliation, the
 * trackers) take a {@link MessageView} and let go of it; an app's {@link MessageListener} takes a
 * {@link DtcMessage} it owns, so for the two types the codec decodes into one reused message
 * ({@link #lettingGo}) the app's listeners get one copy per message, shared between them.
 */
public final class MessageRouter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final OrderBook book;
    /** The app's listeners, by DTC name: each message they hear is theirs to keep. */
    private final Map<String, List<MessageListener>> byName = new ConcurrentHashMap<>();
    /** The client's own readers, by DTC name: each lets go of the message before the next is read. */
    private final Map<String, List<Consumer<MessageView>>> insideByName = new ConcurrentHashMap<>();
    private final List<OrderListener> orderListeners = new CopyOnWriteArrayList<>();
    private final List<FillListener> fillListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AppliedUpdate>> bookListeners = new CopyOnWriteArrayList<>();
    private final ProblemCounter problems;
    private final NonFiniteValues nonFinite;

    public MessageRouter(OrderBook book, ProblemCounter problems) {
        this.book = book;
        this.problems = problems;
        this.nonFinite = new NonFiniteValues(problems);
    }

    public Subscription onFill(FillListener listener) {
        fillListeners.add(listener);
        return () -> fillListeners.remove(listener);
    }

    /** The client's own bookkeeping (persistence, pending cancels): hears every change first. */
    public Subscription onBookChange(Consumer<AppliedUpdate> listener) {
        bookListeners.add(listener);
        return () -> bookListeners.remove(listener);
    }

    /** Tells everyone about a change the book made outside an ORDER_UPDATE (a fill found after a reconnect). */
    public void publish(AppliedUpdate applied, MessageView cause) {
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

    /** An app's listener: it may keep the messages it hears (a reused one reaches it as a copy). */
    public Subscription onMessage(String messageName, MessageListener listener) {
        List<MessageListener> list = byName.computeIfAbsent(messageName, n -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** The client's own reader: it lets go of each message before the next one is read. */
    public Subscription onMessageInside(String messageName, Consumer<MessageView> reader) {
        List<Consumer<MessageView>> list = insideByName.computeIfAbsent(messageName, n -> new CopyOnWriteArrayList<>());
        list.add(reader);
        return () -> list.remove(reader);
    }

    /** Hears every change the book made, with its cause as a view (see {@link OrderListener}). */
    public Subscription onOrderUpdate(OrderListener listener) {
        orderListeners.add(listener);
        return () -> orderListeners.remove(listener);
    }

    /**
     * Whether every reader of this type of message lets go of each one before the next is read, so
     * the codec may decode them all into one message (asked per frame; see ReusedMessages): the
     * two that come with every order. Always, whoever listens: the client's readers and order
     * listeners take views, and an app's message listeners get copies.
     */
    public boolean lettingGo(MessageSpec spec) {
        return reused(spec);
    }

    private static boolean reused(MessageSpec spec) {
        return spec == UPDATE || spec == POSITION;
    }

    private static final MessageSpec UPDATE = OrderUpdate.SPEC;
    private static final MessageSpec POSITION = PositionUpdate.SPEC;

    /**
     * Runs on the event loop, in arrival order. Non-finite values are refused before any reader sees the
     * message ({@link NonFiniteValues}); true when that refused the fill the message carries.
     */
    public boolean route(Object inbound) {
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
        if (m instanceof OrderUpdate u) {
            AppliedUpdate applied = book.applyUpdateOrNull(u, fillRefused);
            if (applied != null) {
                publish(applied, u);
            }
        }
        List<Consumer<MessageView>> readers = insideByName.get(m.name());
        if (readers != null) {
            for (Consumer<MessageView> r : readers) {
                try {
                    r.accept(m);
                } catch (RuntimeException e) {
                    problems.error(log, "the client's reader of {} failed; the others still run", m.name(), e);
                }
            }
        }
        List<MessageListener> listeners = byName.get(m.name());
        if (listeners != null && !listeners.isEmpty()) {
            // One copy for all of the app's listeners, and only when one listens: the next frame overwrites m.
            DtcMessage owned = reused(m.spec()) ? m.copy() : m;
            for (MessageListener l : listeners) {
                try {
                    l.onMessage(owned);
                } catch (RuntimeException e) {
                    problems.error(log, "a listener for {} failed; the others still run", m.name(), e);
                }
            }
        }
        return fillRefused;
    }

    private void notify(OrderListener l, Order before, Order order, MessageView update) {
        try {
            l.onOrderChange(before, order, update);
        } catch (RuntimeException e) {
            problems.error(log, "an order listener failed on {}; the others still run", order.describe(), e);
        }
    }
}
