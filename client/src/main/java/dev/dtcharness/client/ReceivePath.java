package dev.dtcharness.client;

import dev.dtcharness.client.order.OrderBook;
import dev.dtcharness.client.reconcile.Reconciliation;
import dev.dtcharness.protocol.DtcMessage;

/**
 * What the client does with each message a socket read brings, on the event loop: the router applies and
 * tells it, then reconciliation looks at it. Orders ended by the read complete their handles together when
 * the read is done, so an app thread waiting on many of them is woken once per read, not once per order.
 */
final class ReceivePath {
    private final OrderBook book;
    private final MessageRouter router;
    private final Reconciliation reconciliation;

    ReceivePath(OrderBook book, MessageRouter router, Reconciliation reconciliation) {
        this.book = book;
        this.router = router;
        this.reconciliation = reconciliation;
    }

    void received(Object m) {
        book.holdCompletions();
        boolean fillRefused = router.route(m);
        if (m instanceof DtcMessage d) {
            reconciliation.afterRouted(d, fillRefused);
        }
    }

    void readDone() {
        book.releaseCompletions();
    }
}
