package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.enums.OrderStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every order the book holds, found by ServerOrderID or ClientOrderID, and the retirement of finished
 * ones beyond the retention. Its monitor is the book's one lock: whoever changes an order (the update
 * applier, the reconciliation endings) holds it, and so do readers that look at more than one map.
 */
final class OrderIndex {
    private static final Order UNKNOWN = new Order("", "", "", "", "", null, 0, Double.NaN, 0, 0, 0,
            Double.NaN, Double.NaN, 0, "", OrderStatus.UNSPECIFIED.value(), 0, "", 0);

    /** Concurrent: {@link #register} runs on the caller's thread without the lock. */
    private final Map<String, TrackedOrder> byClientOrderId = new ConcurrentHashMap<>();
    private final Map<String, TrackedOrder> byServerOrderId = new HashMap<>();
    /** Orders known by neither id yet (registered without a ClientOrderID); the maps hold all the others. */
    private final Set<TrackedOrder> unindexed = new HashSet<>();
    /** Arrival order without a list kept per order: {@link #inArrival} sorts by it, rarely. */
    private final AtomicLong arrivals = new AtomicLong();
    /** Finished orders, oldest first: beyond {@link #retainFinished} the oldest leave memory (not the ledger). */
    private final ArrayDeque<TrackedOrder> finished = new ArrayDeque<>();
    private final int retainFinished;
    /** How many finished orders beyond {@link #retainFinished} wait to be forgotten together. */
    private final int forgetBatch;
    /** The order the last ORDER_UPDATE applied to; under the lock. */
    private TrackedOrder lastUpdated;

    OrderIndex(int retainFinished) {
        if (retainFinished < 0) {
            throw new IllegalArgumentException("retainFinishedOrders: " + retainFinished + " (expected: 0 or more)");
        }
        this.retainFinished = retainFinished;
        this.forgetBatch = Math.min(256, retainFinished / 4);
    }

    /** Without the lock for an order with a ClientOrderID (see {@link OrderBook#register}). */
    TrackedOrder register(Order sent) {
        if (sent.clientOrderId().isEmpty()) {
            synchronized (this) {
                return add(sent);
            }
        }
        TrackedOrder t = new TrackedOrder(sent, arrivals.incrementAndGet());
        TrackedOrder existing = byClientOrderId.putIfAbsent(sent.clientOrderId(), t);
        if (existing != null) {
            throw new DtcClientException("ClientOrderID " + sent.clientOrderId() + " is already used by " + existing
                    + " (DTC servers reject a ClientOrderID reused within the trading session)");
        }
        return t;
    }

    /** Any thread: the concurrent map needs no lock for one lookup. */
    TrackedOrder byClientOrderId(String clientOrderId) {
        return byClientOrderId.get(clientOrderId);
    }

    /** Under the lock. */
    TrackedOrder byServerOrderId(String serverOrderId) {
        return byServerOrderId.get(serverOrderId);
    }

    /** Under the lock. */
    boolean holdsServerOrderId(String serverOrderId) {
        return byServerOrderId.containsKey(serverOrderId);
    }

    /** An order placed elsewhere, first heard of in an update; under the lock. */
    TrackedOrder addUnknown() {
        return add(UNKNOWN);
    }

    /** Under the lock. */
    TrackedOrder add(Order initial) {
        TrackedOrder t = new TrackedOrder(initial, arrivals.incrementAndGet());
        if (!index(t, initial)) {
            unindexed.add(t);
        }
        return t;
    }

    /** The order an update names, by ServerOrderID, then PreviousServerOrderID, then ClientOrderID; under the lock. */
    TrackedOrder find(String serverId, String previousServerId, String clientId) {
        TrackedOrder last = lastUpdated;
        if (last != null && !serverId.isEmpty() && last.indexedUnder(serverId)) {
            // A server sends an order's updates back to back (accepted, then filled): the fill finds its
            // order without a probe of the index, whose entries are mostly cold (an order indexed under an
            // id is what the index holds for it, and forgetting an order clears that).
            return last;
        }
        TrackedOrder t = serverId.isEmpty() ? null : byServerOrderId.get(serverId);
        if (t == null && !previousServerId.isEmpty()) {
            t = byServerOrderId.get(previousServerId);
        }
        if (t == null && !clientId.isEmpty()) {
            t = byClientOrderId.get(clientId);
        }
        return t;
    }

    /** Under the lock. */
    void lastUpdated(TrackedOrder t) {
        lastUpdated = t;
    }

    /** Indexes {@code t} under the ids {@code o} names; whether either map now finds it. Under the lock. */
    boolean index(TrackedOrder t, Order o) {
        if (t.indexedAs(o.serverOrderId(), o.clientOrderId())) {
            // Most updates name the order as the one before did: three map operations per update saved.
            return true;
        }
        boolean indexed = false;
        boolean both = true;
        if (!o.serverOrderId().isEmpty()) {
            TrackedOrder displaced = byServerOrderId.put(o.serverOrderId(), t);
            t.knownAs(o.serverOrderId());
            indexed = true;
            if (displaced != null && displaced != t) {
                // Its next update claims the id back, as it did before the index remembered what it had done.
                displaced.indexed(null, null);
                if (byClientOrderId.get(displaced.current().clientOrderId()) != displaced) {
                    // A server that reused an id: the older order is still the book's, reachable through all().
                    unindexed.add(displaced);
                }
            }
        }
        if (!o.clientOrderId().isEmpty()) {
            TrackedOrder holder = byClientOrderId.putIfAbsent(o.clientOrderId(), t);
            indexed |= holder == null || holder == t;
            both = holder == null || holder == t;
        }
        if (indexed && !unindexed.isEmpty()) {
            // Nearly always empty: asking anyway made the JVM work out an identity hash for every new order.
            unindexed.remove(t);
        }
        if (both) {
            t.indexed(o.serverOrderId(), o.clientOrderId());
        }
        return indexed;
    }

    /** Under the lock: keeps the newly finished, and forgets the oldest beyond the retention. */
    void retireIfFinished(TrackedOrder t, Order before, Order after) {
        if (before.isTerminal() || !after.isTerminal()) {
            return;
        }
        finished.addLast(t);
        if (finished.size() > retainFinished + forgetBatch) {
            // In batches: the index maps' removals then run back to back on this thread instead of one per order,
            // interleaved with the submitting thread's insertions into the same concurrent map (whose shared
            // count then moved between the two cores on every order, slowing the submitting thread).
            while (finished.size() > retainFinished) {
                forget(finished.removeFirst());
            }
        }
    }

    /** Drops every index entry of an old finished order; callers holding its handle keep it. */
    private void forget(TrackedOrder t) {
        t.indexed(null, null);
        if (!unindexed.isEmpty()) {
            unindexed.remove(t);
        }
        byClientOrderId.remove(t.current().clientOrderId(), t);
        t.forEachServerOrderId(serverId -> byServerOrderId.remove(serverId, t));
    }

    /** Under the lock. */
    int finishedInMemory() {
        return finished.size();
    }

    /** ClientOrderIDs of orders still ORDER_SENT, unanswered, written on a connection other than {@code current}; under the lock. */
    Set<String> unansweredBefore(Object current) {
        Set<String> ids = new HashSet<>();
        for (TrackedOrder t : byClientOrderId.values()) {
            Object on = t.unansweredOn();
            if (on != null && on != current && t.current().status() == OrderStatus.ORDER_SENT.value()) {
                ids.add(t.current().clientOrderId());
            }
        }
        return ids;
    }

    /**
     * The orders the index holds that {@code keep} accepts, in the order it first heard of them; under the lock.
     * Filtered before sorting: callers want the few open ones among thousands.
     */
    List<Order> inArrival(Predicate<Order> keep) {
        Set<TrackedOrder> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Collection<TrackedOrder> c : List.of(byClientOrderId.values(), byServerOrderId.values(), unindexed)) {
            for (TrackedOrder t : c) {
                if (keep.test(t.current())) {
                    kept.add(t);
                }
            }
        }
        List<TrackedOrder> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingLong(t -> t.arrival));
        List<Order> orders = new ArrayList<>(sorted.size());
        sorted.forEach(t -> orders.add(t.current()));
        return List.copyOf(orders);
    }
}
