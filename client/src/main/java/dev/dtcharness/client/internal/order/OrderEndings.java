package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.enums.OrderStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Endings the client decides, with no ORDER_UPDATE saying them: after a reconnect's reconciliation (an
 * order no longer open, one whose answers were lost, one the server never took) and for an order that
 * could not be written. Each is a transition of its own, then the order's state; under the index's lock.
 */
final class OrderEndings {
    /** The book's logger: operators find the book's lines under one name. */
    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);

    private final OrderIndex index;
    private final UnattributedFills unattributed;
    private final Completions completions;
    private final ProblemCounter problems;

    OrderEndings(OrderIndex index, UnattributedFills unattributed, Completions completions, ProblemCounter problems) {
        this.index = index;
        this.unattributed = unattributed;
        this.completions = completions;
        this.problems = problems;
    }

    /** FILLED when its fills cover it, else CANCELED: a working order the server no longer lists as open. */
    AppliedUpdate endMissing(String serverOrderId) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (index) {
            tracked = index.byServerOrderId(serverOrderId);
            if (tracked == null || tracked.current().isTerminal()) {
                return null;
            }
            before = tracked.current();
            boolean filled = before.orderQuantity() > 0 && before.filledQuantity() >= before.orderQuantity();
            after = OrderFolding.ended(before, "", filled ? OrderStatus.FILLED.value() : OrderStatus.CANCELED.value(),
                    "not among the server's open orders after reconnecting");
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {} was working before the reconnect and is not open now: taken as {}",
                after.describe(), after.statusName());
        completions.complete(tracked, after);
        return new AppliedUpdate(before, after, t, null, tracked);
    }

    /** An order still ORDER_SENT takes the ServerOrderID of the unattributed fills that are its; FILLED or CANCELED. */
    AppliedUpdate attribute(String clientOrderId, String serverOrderId, String why) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (index) {
            tracked = index.byClientOrderId(clientOrderId);
            List<Fill> fills = unattributed.get(serverOrderId);
            if (tracked == null || tracked.current().status() != OrderStatus.ORDER_SENT.value() || fills == null
                    || index.holdsServerOrderId(serverOrderId)) {
                return null;
            }
            unattributed.take(serverOrderId);
            fills.forEach(tracked::addFill);
            before = tracked.current();
            double filled = 0;
            for (Fill f : fills) {
                filled += f.quantity();
            }
            int status = before.orderQuantity() > 0 && filled >= before.orderQuantity() ? OrderStatus.FILLED.value()
                    : OrderStatus.CANCELED.value();
            Fill last = fills.get(fills.size() - 1);
            Order named = OrderFolding.ended(before, serverOrderId, status, why);
            after = OrderFolding.consistent(before, named, tracked.fillsView(), last, false);
            index.index(tracked, after);
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {}: its answers were lost with the connection; {}", after.describe(), why);
        completions.complete(tracked, after);
        return new AppliedUpdate(before, after, t, null, tracked);
    }

    /** REJECTED locally: an order still ORDER_SENT that reconciliation showed is neither working nor filled. */
    AppliedUpdate endUnanswered(String clientOrderId, String why) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (index) {
            tracked = index.byClientOrderId(clientOrderId);
            if (tracked == null || tracked.current().status() != OrderStatus.ORDER_SENT.value()) {
                return null;
            }
            before = tracked.current();
            after = OrderFolding.ended(before, "", OrderStatus.REJECTED.value(), why);
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {} ended REJECTED locally: {}", clientOrderId, why);
        completions.complete(tracked, after);
        return new AppliedUpdate(before, after, t, null, tracked);
    }

    /** REJECTED locally: the client could not put the order on the wire, so no server will ever answer for it. */
    void failLocally(String clientOrderId, String why) {
        TrackedOrder tracked;
        Order after;
        synchronized (index) {
            tracked = index.byClientOrderId(clientOrderId);
            if (tracked == null) {
                return;
            }
            Order o = tracked.current();
            after = OrderFolding.ended(o, "", OrderStatus.REJECTED.value(), "not sent by the client: " + why);
            tracked.update(after);
            index.retireIfFinished(tracked, o, after);
        }
        problems.warn(log, "order {} was not sent: {}", clientOrderId, why);
        completions.complete(tracked, after);
    }

    private Transition settle(TrackedOrder tracked, Order before, Order after) {
        Transition t = new Transition(before.status(), after.status(), 0, Transition.Verdict.ACCEPTED);
        tracked.addTransition(t);
        tracked.update(after);
        index.retireIfFinished(tracked, before, after);
        return t;
    }
}
