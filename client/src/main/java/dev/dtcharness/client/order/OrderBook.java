package dev.dtcharness.client.order;

import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;

import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.NonFiniteValues;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.OrderUpdateView;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every order the client knows, kept current from ORDER_UPDATE (301) messages. Updates are matched
 * by ServerOrderID first and by ClientOrderID only when that fails, because DTC guarantees
 * ClientOrderID on a few update reasons only (FACTS 3.1); orders placed elsewhere are added.
 * Thread-safe: updates arrive on the event loop while callers submit and read from theirs.
 *
 * <p>One file over 300 lines: the indexes, the ledger and the retirement of finished orders share
 * one lock. The update applier it calls back and forth is yet to be split off.
 */
public final class OrderBook {
    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);
    private static final Order UNKNOWN = new Order("", "", "", "", "", null, 0, Double.NaN, 0, 0, 0,
            Double.NaN, Double.NaN, 0, "", OrderStatus.UNSPECIFIED.value(), 0, "", 0);

    /** Concurrent: {@link #register} runs on the caller's thread without the book's lock. */
    private final Map<String, TrackedOrder> byClientOrderId = new ConcurrentHashMap<>();
    private final Map<String, TrackedOrder> byServerOrderId = new HashMap<>();
    /** Orders known by neither id yet (registered without a ClientOrderID); the maps hold all the others. */
    private final Set<TrackedOrder> unindexed = new HashSet<>();
    /** Arrival order without a list kept per order: {@link #all} sorts by it, rarely. */
    private final AtomicLong arrivals = new AtomicLong();
    /** Finished orders, oldest first: beyond {@link #retainFinished} the oldest leave memory (not the ledger). */
    private final ArrayDeque<TrackedOrder> finished = new ArrayDeque<>();
    private final int retainFinished;
    /** How many finished orders beyond {@link #retainFinished} wait to be forgotten together. */
    private final int forgetBatch;
    private final FillLedger ledger = new FillLedger();
    /** The order the last ORDER_UPDATE applied to; under the lock. */
    private TrackedOrder lastUpdated;
    /** Fills counted before their order was known (a fills answer ahead of the order's update), by ServerOrderID. */
    private final Map<String, List<Fill>> orphans = new HashMap<>();
    private final ProblemCounter problems;
    private final NonFiniteValues nonFinite;
    private final FillViolations violations;
    /** The thread holding completions (see {@link #holdCompletions}), and what it holds, oldest first. */
    private volatile Thread holder;
    private final ArrayDeque<Ended> held = new ArrayDeque<>();

    private record Ended(TrackedOrder order, Order after) {
    }

    public OrderBook() {
        this(new ProblemCounter(), DEFAULT_RETAIN_FINISHED);
    }

    /** The finished orders a book keeps in memory unless told otherwise. */
    public static final int DEFAULT_RETAIN_FINISHED = 10_000;

    public OrderBook(ProblemCounter problems) {
        this(problems, DEFAULT_RETAIN_FINISHED);
    }

    /**
     * Counts the book's warnings (invalid and stale transitions, updates naming no order) into
     * {@code problems}, and keeps the {@code retainFinished} most recently finished orders (and up to
     * a quarter more, at most 256, between two clean-ups); older ones are forgotten, so a long
     * session's memory does not grow with every order it ever sent.
     * Their fills stay counted: the ledger keeps every execution id of the session.
     */
    public OrderBook(ProblemCounter problems, int retainFinished) {
        if (retainFinished < 0) {
            throw new IllegalArgumentException("retainFinished " + retainFinished + " (expected: 0 or more)");
        }
        this.problems = problems;
        this.nonFinite = new NonFiniteValues(problems);
        this.violations = new FillViolations(problems);
        this.retainFinished = retainFinished;
        this.forgetBatch = Math.min(256, retainFinished / 4);
    }

    public synchronized Optional<Order> byClientOrderId(String clientOrderId) {
        return Optional.ofNullable(byClientOrderId.get(clientOrderId)).map(TrackedOrder::current);
    }

    public synchronized Optional<Order> byServerOrderId(String serverOrderId) {
        return Optional.ofNullable(byServerOrderId.get(serverOrderId)).map(TrackedOrder::current);
    }

    /** The book's entry (and handle) for an order, by ClientOrderID. */
    public synchronized Optional<TrackedOrder> tracked(String clientOrderId) {
        return Optional.ofNullable(byClientOrderId.get(clientOrderId));
    }

    /** Every order, in the order the client first heard of it. */
    public synchronized List<Order> all() {
        return inArrival(o -> true);
    }

    /** Orders not ended, in the order the client first heard of them: what the state file keeps after each change. */
    public synchronized List<Order> open() {
        return inArrival(o -> !o.isTerminal());
    }

    /** Adds an order about to be sent, before the bytes leave, so even the fastest update finds it. */
    public TrackedOrder register(Order sent) {
        if (sent.clientOrderId().isEmpty()) {
            synchronized (this) {
                return add(sent);
            }
        }
        // Without the book's lock: the app thread that submits would otherwise wait on the event loop,
        // which holds that lock for every ORDER_UPDATE (under load, most submits did).
        TrackedOrder t = new TrackedOrder(sent, arrivals.incrementAndGet());
        TrackedOrder existing = byClientOrderId.putIfAbsent(sent.clientOrderId(), t);
        if (existing != null) {
            throw new DtcClientException("ClientOrderID " + sent.clientOrderId() + " is already used by " + existing
                    + " (DTC servers reject a ClientOrderID reused within the trading session)");
        }
        return t;
    }

    /**
     * Notes that the order with this ClientOrderID was just written on {@code connection}; it stays
     * in doubt there until an update for it arrives (see {@link #unansweredBefore}). Any thread.
     */
    public void writtenOn(String clientOrderId, Object connection) {
        TrackedOrder t = byClientOrderId.get(clientOrderId);
        if (t != null) {
            t.writtenOn(connection);
        }
    }

    /**
     * ClientOrderIDs of the orders still ORDER_SENT, with no update yet, that were written on a
     * connection other than {@code current}: the ones a reconciliation on {@code current} can judge.
     */
    public synchronized Set<String> unansweredBefore(Object current) {
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
     * Applies one ORDER_UPDATE and returns the order as it now stands, or empty when the update
     * names no order (the "no open orders" reply, or neither id set).
     */
    public Optional<Order> apply(OrderUpdate update) {
        return applyUpdate(update).map(AppliedUpdate::after);
    }

    /** As {@link #apply}, telling also how the status moved and which fill, if any, was new. */
    public Optional<AppliedUpdate> applyUpdate(OrderUpdate update) {
        return Optional.ofNullable(applyUpdateOrNull(update));
    }

    /**
     * As {@link #applyUpdate}, null for an update naming no order. Non-finite values are refused first
     * ({@link NonFiniteValues}): named, counted, and read as not set.
     */
    public AppliedUpdate applyUpdateOrNull(OrderUpdate update) {
        long refused = nonFinite.refuse(update);
        return applyUpdateOrNull(update, NonFiniteValues.fillRefused(update, refused));
    }

    /**
     * The client's router, once per ORDER_UPDATE, after {@link NonFiniteValues#refuse} has already looked at it:
     * {@code fillRefused} when a field its fill is read from was refused, so the fill it reports is not counted.
     */
    public AppliedUpdate applyUpdateOrNull(OrderUpdateView update, boolean fillRefused) {
        if (update.noOrders() != 0) {
            return null;
        }
        String serverId = update.serverOrderID();
        String clientId = update.clientOrderID();
        String previousServerId = update.previousServerOrderID();
        if (serverId.isEmpty() && clientId.isEmpty()) {
            // The message as text: the client's codec may decode the next ORDER_UPDATE into this same message.
            problems.warn(log, "ORDER_UPDATE names no order (neither ServerOrderID nor ClientOrderID), ignored: {}",
                    update.toString());
            return null;
        }
        int reason = update.orderUpdateReasonValue();
        AppliedUpdate applied;
        Fill withoutPrice = null;
        Fill repeated = null;
        synchronized (this) {
            TrackedOrder tracked = find(serverId, previousServerId, clientId);
            if (tracked == null) {
                if (reason == OrderUpdateReason.ORDER_CANCEL_REJECTED.value() || reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED.value()) {
                    problems.warn(log, "{} for an order the book does not know ({}/{}), ignored: {}",
                            StatusNames.reasonName(reason), dash(clientId), dash(serverId), update.toString());
                    return null;
                }
                log.info("order {}/{} placed elsewhere (RequestID {}): added to the book", dash(clientId), dash(serverId),
                        update.requestID());
                tracked = add(UNKNOWN);
            }
            tracked.answered();
            Order before = tracked.current();
            Transition t = OrderStateMachine.judge(before.status(), update.orderStatusValue(), reason);
            tracked.addTransition(t);
            Order fields = t.verdict() == Transition.Verdict.STALE ? OrderUpdateApplier.counted(before)
                    : OrderUpdateApplier.apply(before, update, OrderStateMachine.resulting(t));
            List<Fill> adopted = fields.serverOrderId().isEmpty() ? null : orphans.remove(fields.serverOrderId());
            if (adopted != null) {
                adopted.forEach(tracked::addFill);
            }
            Fill fill = OrderUpdateApplier.fillIn(update, before, fields);
            boolean refusedFill = fill != null && (fillRefused || !Double.isFinite(fill.price()));
            if (refusedFill && !fillRefused) {
                withoutPrice = fill;
            }
            Fill newFill = fill != null && !refusedFill && ledger.add(fill) ? fill : null;
            if (newFill != null) {
                tracked.addFill(newFill);
            } else if (fill != null) {
                repeated = refusedFill ? null : fill;
                // A repeated or refused fill must not pass for the latest one (and a refused one is not in the ledger,
                // so the server may still send it again, right, under the same execution id).
                fields = OrderUpdateApplier.with(fields, fields.filledQuantity(), fields.averageFillPrice(), fields.status(),
                        fields.updateCount(), before.lastFillPrice(), before.lastFillQuantity(), before.lastFillExecutionId());
            }
            // An update reporting less filled than the book holds is older news (a reordered or repeated one).
            boolean behind = OrderUpdateApplier.number(update.filledQuantity(), before.filledQuantity()) < before.filledQuantity();
            Order after = OrderUpdateApplier.consistent(before, fields, tracked.fillsView(), newFill, behind);
            tracked.update(after);
            index(tracked, after);
            retireIfFinished(tracked, before, after);
            lastUpdated = tracked;
            applied = new AppliedUpdate(before, after, t, newFill, tracked);
        }
        logChange(applied, fillIdOf(update));
        violations.judge(applied, withoutPrice, repeated, "ORDER_UPDATE");
        complete(applied.order(), applied.after());
        return applied;
    }

    /** Uses {@code lookup} (an execution id to the fill counted under it, or null) for repeats the book cannot place. */
    public void earlierFills(Function<String, Fill> lookup) {
        violations.earlierFills(lookup);
    }

    /**
     * Counts a fill learnt outside ORDER_UPDATE (HISTORICAL_ORDER_FILL_RESPONSE after a reconnect):
     * empty when its execution id was counted already. A fill of an order the book does not hold is
     * still counted, with null orders.
     */
    public Optional<AppliedUpdate> applyFill(Fill fill) {
        AppliedUpdate applied;
        synchronized (this) {
            if (!ledger.add(fill)) {
                applied = null;
            } else {
                TrackedOrder tracked = fill.serverOrderId().isEmpty() ? null : byServerOrderId.get(fill.serverOrderId());
                if (tracked == null) {
                    if (!fill.serverOrderId().isEmpty()) {
                        orphans.computeIfAbsent(fill.serverOrderId(), k -> new ArrayList<>()).add(fill);
                    }
                    log.info("fill {} of order {} the book does not hold: counted", fill.executionId(), dash(fill.serverOrderId()));
                    return Optional.of(new AppliedUpdate(null, null, null, fill, null));
                }
                Order before = tracked.current();
                tracked.addFill(fill);
                Order after = OrderUpdateApplier.consistent(before, before, tracked.fillsView(), fill, false);
                if (!after.isTerminal() && after.orderQuantity() > 0 && after.filledQuantity() >= after.orderQuantity()) {
                    after = OrderUpdateApplier.with(after, after.filledQuantity(), after.averageFillPrice(), OrderStatus.FILLED.value(),
                            after.updateCount(), after.lastFillPrice(), after.lastFillQuantity(), after.lastFillExecutionId());
                }
                tracked.update(after);
                retireIfFinished(tracked, before, after);
                applied = new AppliedUpdate(before, after, null, fill, tracked);
            }
        }
        if (applied == null) {
            // Outside the lock: the first version may have to come from the history database.
            TrackedOrder order;
            synchronized (this) {
                order = fill.serverOrderId().isEmpty() ? null : byServerOrderId.get(fill.serverOrderId());
            }
            violations.conflicts(order, fill, fill.source());
            return Optional.empty();
        }
        log.info("order {}: missed fill {} of {} at {} counted", applied.after().describe(), fill.executionId(),
                fill.quantity(), fill.price());
        violations.judge(applied, null, null, fill.source());
        complete(applied.order(), applied.after());
        return Optional.of(applied);
    }

    /**
     * From now until {@link #releaseCompletions} on this thread, orders that end on it complete their
     * terminal futures together, at the release (the client holds them for one socket read). Other
     * threads are not held.
     */
    public void holdCompletions() {
        holder = Thread.currentThread();
    }

    /** Completes what this thread held, in the order the orders ended; nothing when it held nothing. */
    public void releaseCompletions() {
        if (holder != Thread.currentThread()) {
            return;
        }
        holder = null;
        for (Ended e; (e = held.poll()) != null; ) {
            e.order().completeIfTerminal(e.after());
        }
    }

    /** Called outside the lock: completing runs the caller's dependent stages on this thread. */
    private void complete(TrackedOrder t, Order after) {
        if (!after.isTerminal()) {
            return;
        }
        if (holder == Thread.currentThread()) {
            held.add(new Ended(t, after));
        } else {
            t.completeIfTerminal(after);
        }
    }

    /** Every fill counted, each once. */
    public FillLedger ledger() {
        return ledger;
    }

    /** Orders still working: not ended, and not just sent without an answer. */
    public synchronized List<Order> live() {
        return inArrival(o -> !o.isTerminal() && !o.serverOrderId().isEmpty());
    }

    /**
     * Ends an order the book thought working that the server no longer lists as open (checked after
     * a reconnect): FILLED when its fills cover it, else CANCELED, with InfoText saying why.
     */
    public Optional<AppliedUpdate> endMissing(String serverOrderId) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (this) {
            tracked = byServerOrderId.get(serverOrderId);
            if (tracked == null || tracked.current().isTerminal()) {
                return Optional.empty();
            }
            before = tracked.current();
            boolean filled = before.orderQuantity() > 0 && before.filledQuantity() >= before.orderQuantity();
            after = ended(before, "", filled ? OrderStatus.FILLED.value() : OrderStatus.CANCELED.value(),
                    "not among the server's open orders after reconnecting");
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {} was working before the reconnect and is not open now: taken as {}",
                after.describe(), after.statusName());
        complete(tracked, after);
        return Optional.of(new AppliedUpdate(before, after, t, null, tracked));
    }

    /** Fills counted whose ServerOrderID names no order in the book (their 301s never reached the client). */
    public synchronized List<Fill> unattributedFills() {
        return orphans.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Gives an order still ORDER_SENT the ServerOrderID its counted-but-unattributed fills carry (its
     * answers were lost with the connection): FILLED when they cover it, else CANCELED, since it is
     * not among the open orders. The fills were counted when they arrived and are not counted again.
     */
    public Optional<AppliedUpdate> attribute(String clientOrderId, String serverOrderId, String why) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (this) {
            tracked = byClientOrderId.get(clientOrderId);
            List<Fill> fills = orphans.get(serverOrderId);
            if (tracked == null || tracked.current().status() != OrderStatus.ORDER_SENT.value() || fills == null
                    || byServerOrderId.containsKey(serverOrderId)) {
                return Optional.empty();
            }
            orphans.remove(serverOrderId);
            fills.forEach(tracked::addFill);
            before = tracked.current();
            double filled = fills.stream().mapToDouble(Fill::quantity).sum();
            int status = before.orderQuantity() > 0 && filled >= before.orderQuantity() ? OrderStatus.FILLED.value() : OrderStatus.CANCELED.value();
            Fill last = fills.get(fills.size() - 1);
            Order named = ended(before, serverOrderId, status, why);
            after = OrderUpdateApplier.consistent(before, named, tracked.fillsView(), last, false);
            index(tracked, after);
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {}: its answers were lost with the connection; {}", after.describe(), why);
        complete(tracked, after);
        return Optional.of(new AppliedUpdate(before, after, t, null, tracked));
    }

    /**
     * Ends an order still ORDER_SENT that reconciliation showed is neither working nor filled on the
     * server: REJECTED locally with {@code why} as InfoText.
     */
    public Optional<AppliedUpdate> endUnanswered(String clientOrderId, String why) {
        TrackedOrder tracked;
        Order before;
        Order after;
        Transition t;
        synchronized (this) {
            tracked = byClientOrderId.get(clientOrderId);
            if (tracked == null || tracked.current().status() != OrderStatus.ORDER_SENT.value()) {
                return Optional.empty();
            }
            before = tracked.current();
            after = ended(before, "", OrderStatus.REJECTED.value(), why);
            t = settle(tracked, before, after);
        }
        problems.warn(log, "order {} ended REJECTED locally: {}", clientOrderId, why);
        complete(tracked, after);
        return Optional.of(new AppliedUpdate(before, after, t, null, tracked));
    }

    /** An ending the client decided (no ORDER_UPDATE said it): recorded as a transition, then as the order's state. */
    private Transition settle(TrackedOrder tracked, Order before, Order after) {
        Transition t = new Transition(before.status(), after.status(), 0, Transition.Verdict.ACCEPTED);
        tracked.addTransition(t);
        tracked.update(after);
        retireIfFinished(tracked, before, after);
        return t;
    }

    private static Order ended(Order o, String serverOrderId, int status, String why) {
        return new Order(o.clientOrderId(), serverOrderId.isEmpty() ? o.serverOrderId() : serverOrderId, o.symbol(),
                o.exchange(), o.tradeAccount(), o.side(), o.orderType(), o.price1(), o.orderQuantity(), o.filledQuantity(),
                o.remainingQuantity(), o.averageFillPrice(), o.lastFillPrice(), o.lastFillQuantity(),
                o.lastFillExecutionId(), status, o.lastReason(), why, o.updateCount());
    }

    /** Puts back an order saved before a restart, with its fills, without counting anything twice. */
    public synchronized TrackedOrder restore(Order saved, List<Fill> fills) {
        TrackedOrder t = find(saved.serverOrderId(), "", saved.clientOrderId());
        if (t == null) {
            t = add(saved);
        }
        for (Fill f : fills) {
            if (ledger.add(f)) {
                t.addFill(f);
            }
        }
        return t;
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
            after = ended(o, "", OrderStatus.REJECTED.value(), "not sent by the client: " + why);
            tracked.update(after);
            retireIfFinished(tracked, o, after);
        }
        problems.warn(log, "order {} was not sent: {}", clientOrderId, why);
        complete(tracked, after);
    }

    private TrackedOrder find(String serverId, String previousServerId, String clientId) {
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

    /** Orders finished and still held in memory (at most the retention given at construction). */
    public synchronized int finishedInMemory() {
        return finished.size();
    }

    private void retireIfFinished(TrackedOrder t, Order before, Order after) {
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

    private TrackedOrder add(Order initial) {
        TrackedOrder t = new TrackedOrder(initial, arrivals.incrementAndGet());
        if (!index(t, initial)) {
            unindexed.add(t);
        }
        return t;
    }

    /**
     * The orders the book holds that {@code keep} accepts, in the order it first heard of them; under the lock.
     * Filtered before sorting: after each change the state file wants the few open ones among thousands.
     */
    private List<Order> inArrival(Predicate<Order> keep) {
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

    /** Indexes {@code t} under the ids {@code o} names; whether either map now finds it. */
    private boolean index(TrackedOrder t, Order o) {
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

    private void logChange(AppliedUpdate a, String fillId) {
        Order before = a.before();
        Order after = a.after();
        Transition t = a.transition();
        if (t.verdict() == Transition.Verdict.INVALID) {
            problems.warn(log, "order {}: {} is not a DTC order transition; applied as the server says", after.describe(), t);
        } else if (t.verdict() == Transition.Verdict.STALE) {
            problems.warn(log, "order {}: stale update kept out of the status: {}", after.describe(), t);
        }
        if (fillId != null && a.newFill() == null && log.isInfoEnabled()) {
            log.info("order {}: fill {} already counted, not counted again", after.describe(), fillId);
        }
        if (before.status() == after.status()) {
            if (log.isDebugEnabled()) {
                log.debug("order {}: {} again ({})", after.describe(), after.statusName(), after.lastReasonName());
            }
            return;
        }
        if (log.isInfoEnabled()) { // one line per status change; its arguments cost nothing when INFO is off
            log.info("order {} {}: {} -> {} ({})", dash(after.clientOrderId()), dash(after.serverOrderId()),
                    StatusNames.shortName(before.status()), StatusNames.shortName(after.status()), after.lastReasonName());
        }
    }

    private static String fillIdOf(OrderUpdateView update) {
        String id = update.lastFillExecutionID();
        return id.isEmpty() ? null : id;
    }

    private static String dash(String id) {
        return id.isEmpty() ? "-" : id;
    }
}
