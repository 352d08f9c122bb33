package dev.dtcharness.client.internal.routing;

import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.client.internal.reconcile.Reconciliation;
import dev.dtcharness.protocol.DtcMessage;

/**
 * What the client does with each message a socket read brings, on the event loop: the router applies and
 * tells it, then reconciliation looks at it. Orders ended by the read complete their handles together when
 * the read is done, so an app thread waiting on many of them is woken once per read, not once per order.
 */
public final class ReceivePath {
    private final OrderBook book;
    private final MessageRouter router;
    private final Reconciliation reconciliation;

    public ReceivePath(OrderBook book, MessageRouter router, Reconciliation reconciliation) {
        this.book = book;
        this.router = router;
        this.reconciliation = reconciliation;
    }

    public void received(Object m) {
        book.holdCompletions();
        boolean fillRefused = router.route(m);
        if (m instanceof DtcMessage d) {
            reconciliation.afterRouted(d, fillRefused);
        }
    }

    public void readDone() {
        book.releaseCompletions();
    }
}
