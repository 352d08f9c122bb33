package dev.dtcharness.client;

import dev.dtcharness.protocol.MessageView;

/**
 * Hears every ORDER_UPDATE (301) after the order book applied it; runs on the client's event loop
 * thread, so it must not block. The update is lent, not given: the client decodes every binary
 * ORDER_UPDATE into one reused message, so a listener reads it during the call and keeps only the
 * {@link Order} snapshots or {@code update.copy()}.
 */
@FunctionalInterface
public interface OrderListener {

    /**
     * {@code after} is the book's snapshot with {@code update} applied. {@code update} is an
     * ORDER_UPDATE, or, for a change made while reconciling after a reconnect, the
     * HISTORICAL_ORDER_FILL_RESPONSE that brought a missed fill or the open-orders answer that
     * showed the order had ended.
     */
    void onOrderUpdate(Order after, MessageView update);

    /**
     * What the client calls: as {@link #onOrderUpdate}, with the order as it stood before ({@code null}
     * for an order the book had not heard of), for a listener that acts on a change of status.
     */
    default void onOrderChange(Order before, Order after, MessageView update) {
        onOrderUpdate(after, update);
    }
}
