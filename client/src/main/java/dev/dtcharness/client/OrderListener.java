package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcMessage;

/**
 * Hears every ORDER_UPDATE (301) after the order book applied it; runs on the client's event loop
 * thread, so it must not block.
 */
@FunctionalInterface
public interface OrderListener {

    /**
     * {@code after} is the book's snapshot with {@code update} applied. {@code update} is an
     * ORDER_UPDATE, or, for a change made while reconciling after a reconnect, the
     * HISTORICAL_ORDER_FILL_RESPONSE that brought a missed fill or the open-orders answer that
     * showed the order had ended.
     */
    void onOrderUpdate(Order after, DtcMessage update);
}
