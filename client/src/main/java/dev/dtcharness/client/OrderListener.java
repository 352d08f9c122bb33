package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcMessage;

/**
 * Hears every ORDER_UPDATE (301) after the order book applied it; runs on the client's event loop
 * thread, so it must not block.
 */
@FunctionalInterface
public interface OrderListener {

    /** {@code after} is the book's snapshot with {@code update} applied. */
    void onOrderUpdate(Order after, DtcMessage update);
}
