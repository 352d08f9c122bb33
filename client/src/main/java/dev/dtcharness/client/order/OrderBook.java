package dev.dtcharness.client.order;

import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.DtcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every order the client knows, kept current from ORDER_UPDATE (301) messages. Updates are matched
 * by ServerOrderID first and by ClientOrderID only when that fails, because DTC guarantees
 * ClientOrderID on a few update reasons only (FACTS 3.1); orders placed elsewhere are added.
 * Thread-safe: updates arrive on the event loop while callers submit and read from theirs.
 */
public final class OrderBook {
    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);
    private static final Order UNKNOWN = new Order("", "", "", "", "", null, 0, Double.NaN, 0, 0, 0,
            Double.NaN, Double.NaN, 0, "", OrderStatuses.UNSPECIFIED, 0, "", 0);

    private final Map<String, TrackedOrder> byClientOrderId = new HashMap<>();
    private final Map<String, TrackedOrder> byServerOrderId = new HashMap<>();
    private final List<TrackedOrder> inArrivalOrder = new ArrayList<>();

    public synchronized Optional<Order> byClientOrderId(String clientOrderId) {
        return Optional.ofNullable(byClientOrderId.get(clientOrderId)).map(TrackedOrder::current);
    }

    public synchronized Optional<Order> byServerOrderId(String serverOrderId) {
        return Optional.ofNullable(byServerOrderId.get(serverOrderId)).map(TrackedOrder::current);
    }

    /** Every order, in the order the client first heard of it. */
    public synchronized List<Order> all() {
        return inArrivalOrder.stream().map(TrackedOrder::current).toList();
    }

    /** Adds an order about to be sent, before the bytes leave, so even the fastest update finds it. */
    public synchronized TrackedOrder register(Order sent) {
        TrackedOrder existing = byClientOrderId.get(sent.clientOrderId());
        if (existing != null) {
            throw new DtcClientException("ClientOrderID " + sent.clientOrderId() + " is already used by " + existing
                    + " (DTC servers reject a ClientOrderID reused within the trading session)");
        }
        return add(sent);
    }

    /**
     * Applies one ORDER_UPDATE and returns the order as it now stands, or empty when the update
     * names no order (the "no open orders" reply, or neither id set).
     */
    public Optional<Order> apply(DtcMessage update) {
        if (update.isSet("NoOrders") && update.getLong("NoOrders") != 0) {
            return Optional.empty();
        }
        String serverId = update.isSet("ServerOrderID") ? update.getString("ServerOrderID") : "";
        String clientId = update.isSet("ClientOrderID") ? update.getString("ClientOrderID") : "";
        String previousServerId = update.isSet("PreviousServerOrderID") ? update.getString("PreviousServerOrderID") : "";
        if (serverId.isEmpty() && clientId.isEmpty()) {
            log.warn("ORDER_UPDATE names no order (neither ServerOrderID nor ClientOrderID), ignored: {}", update);
            return Optional.empty();
        }
        TrackedOrder tracked;
        Order before;
        Order after;
        synchronized (this) {
            tracked = find(serverId, previousServerId, clientId);
            if (tracked == null) {
                log.info("order {}/{} placed elsewhere (RequestID {}): added to the book",
                        clientId.isEmpty() ? "-" : clientId, serverId.isEmpty() ? "-" : serverId,
                        update.isSet("RequestID") ? update.getLong("RequestID") : 0);
                tracked = add(UNKNOWN);
            }
            before = tracked.current();
            after = OrderUpdateApplier.apply(before, update);
            tracked.update(after);
            index(tracked, after);
        }
        logChange(before, after);
        tracked.completeIfTerminal(after);
        return Optional.of(after);
    }

    /** Ends an order the client could not put on the wire: no server will ever answer for it. */
    public void failLocally(String clientOrderId, String why) {
        TrackedOrder tracked;
        Order after;
        synchronized (this) {
            tracked = byClientOrderId.get(clientOrderId);
            if (tracked == null) {
                return;
            }
            Order o = tracked.current();
            after = new Order(o.clientOrderId(), o.serverOrderId(), o.symbol(), o.exchange(), o.tradeAccount(), o.side(),
                    o.orderType(), o.price1(), o.orderQuantity(), o.filledQuantity(), o.remainingQuantity(),
                    o.averageFillPrice(), o.lastFillPrice(), o.lastFillQuantity(), o.lastFillExecutionId(),
                    OrderStatuses.REJECTED, o.lastReason(), "not sent by the client: " + why, o.updateCount());
            tracked.update(after);
        }
        log.warn("order {} was not sent: {}", clientOrderId, why);
        tracked.completeIfTerminal(after);
    }

    private TrackedOrder find(String serverId, String previousServerId, String clientId) {
        TrackedOrder t = serverId.isEmpty() ? null : byServerOrderId.get(serverId);
        if (t == null && !previousServerId.isEmpty()) {
            t = byServerOrderId.get(previousServerId);
        }
        if (t == null && !clientId.isEmpty()) {
            t = byClientOrderId.get(clientId);
        }
        return t;
    }

    private TrackedOrder add(Order initial) {
        TrackedOrder t = new TrackedOrder(initial);
        inArrivalOrder.add(t);
        index(t, initial);
        return t;
    }

    private void index(TrackedOrder t, Order o) {
        if (!o.serverOrderId().isEmpty()) {
            byServerOrderId.put(o.serverOrderId(), t);
        }
        if (!o.clientOrderId().isEmpty()) {
            byClientOrderId.putIfAbsent(o.clientOrderId(), t);
        }
    }

    private static void logChange(Order before, Order after) {
        if (before.status() == after.status()) {
            log.debug("order {}: {} again ({})", after.describe(), after.statusName(), after.lastReasonName());
            return;
        }
        log.info("order {} {}: {} -> {} ({})", dash(after.clientOrderId()), dash(after.serverOrderId()),
                OrderStatuses.shortName(before.status()), OrderStatuses.shortName(after.status()), after.lastReasonName());
    }

    private static String dash(String id) {
        return id.isEmpty() ? "-" : id;
    }
}
