package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Orders;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.internal.routing.NonFiniteValues;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.OrderUpdateView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every order the client knows, kept current from ORDER_UPDATE (301) messages. Updates are matched
 * by ServerOrderID first and by ClientOrderID only when that fails, because DTC guarantees
 * ClientOrderID on a few update reasons only (FACTS 3.1); orders placed elsewhere are added.
 * Thread-safe: updates arrive on the event loop while callers submit and read from theirs.
 *
 * <p>The book only composes its parts and delegates, one way: the {@link OrderIndex} (orders by id, the
 * retirement of finished ones; its monitor is the one lock), the {@link OrderUpdateApplier} (updates and
 * fills), {@link OrderEndings} (endings the client decides), {@link Completions} (terminal futures
 * woken once per read) and the {@link FillLedger}.
 */
public final class OrderBook implements Orders {
    /** The finished orders a book keeps in memory unless told otherwise. */
    public static final int DEFAULT_RETAIN_FINISHED = 10_000;

    private final OrderIndex index;
    private final FillLedger ledger = new FillLedger();
    private final UnattributedFills unattributed = new UnattributedFills();
    private final Completions completions = new Completions();
    private final FillViolations violations;
    private final OrderUpdateApplier applier;
    private final OrderEndings endings;
    private final NonFiniteValues nonFinite;

    public OrderBook() {
        this(new ProblemCounter(), DEFAULT_RETAIN_FINISHED);
    }

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
        this.index = new OrderIndex(retainFinished);
        this.violations = new FillViolations(problems);
        this.nonFinite = new NonFiniteValues(problems);
        this.applier = new OrderUpdateApplier(index, ledger, unattributed, violations, completions, problems);
        this.endings = new OrderEndings(index, unattributed, completions, problems);
    }

    public Optional<Order> byClientOrderId(String clientOrderId) {
        return Optional.ofNullable(index.byClientOrderId(clientOrderId)).map(TrackedOrder::current);
    }

    public Optional<Order> byServerOrderId(String serverOrderId) {
        synchronized (index) {
            return Optional.ofNullable(index.byServerOrderId(serverOrderId)).map(TrackedOrder::current);
        }
    }

    /** The book's entry (and handle) for an order, by ClientOrderID. */
    public Optional<TrackedOrder> tracked(String clientOrderId) {
        return Optional.ofNullable(index.byClientOrderId(clientOrderId));
    }

    /** Every order, in the order the client first heard of it. */
    public List<Order> all() {
        synchronized (index) {
            return index.inArrival(o -> true);
        }
    }

    /** Orders not ended, in the order the client first heard of them. */
    public List<Order> open() {
        synchronized (index) {
            return index.inArrival(o -> !o.isTerminal());
        }
    }

    /** Orders still working: not ended, and not just sent without an answer. */
    public List<Order> live() {
        synchronized (index) {
            return index.inArrival(o -> !o.isTerminal() && !o.serverOrderId().isEmpty());
        }
    }

    /**
     * Adds an order about to be sent, before the bytes leave, so even the fastest update finds it.
     * Without the book's lock when it has a ClientOrderID: the app thread that submits would otherwise wait
     * on the event loop, which holds that lock for every ORDER_UPDATE (under load, most submits did).
     */
    public TrackedOrder register(Order sent) {
        return index.register(sent);
    }

    /**
     * Notes that the order with this ClientOrderID was just written on {@code connection}; it stays
     * in doubt there until an update for it arrives (see {@link #unansweredBefore}). Any thread.
     */
    public void writtenOn(String clientOrderId, Object connection) {
        TrackedOrder t = index.byClientOrderId(clientOrderId);
        if (t != null) {
            t.writtenOn(connection);
        }
    }

    /**
     * ClientOrderIDs of the orders still ORDER_SENT, with no update yet, that were written on a
     * connection other than {@code current}: the ones a reconciliation on {@code current} can judge.
     */
    public Set<String> unansweredBefore(Object current) {
        synchronized (index) {
            return index.unansweredBefore(current);
        }
    }

    /**
     * Applies one ORDER_UPDATE the caller owns and returns the order as it now stands, or empty when the
     * update names no order (the "no open orders" reply, or neither id set). Non-finite values are refused
     * first ({@link NonFiniteValues}): named, counted, and unset in {@code update}.
     */
    public Optional<Order> apply(OrderUpdate update) {
        return applyUpdate(update).map(AppliedUpdate::after);
    }

    /** As {@link #apply}, telling also how the status moved and which fill, if any, was new. */
    public Optional<AppliedUpdate> applyUpdate(OrderUpdate update) {
        return Optional.ofNullable(applyUpdateOrNull(update));
    }

    /** As {@link #applyUpdate}, null for an update naming no order. */
    public AppliedUpdate applyUpdateOrNull(OrderUpdate update) {
        long refused = nonFinite.refuse(update);
        return applier.apply(update, NonFiniteValues.fillRefused(update, refused));
    }

    /**
     * The client's router, once per ORDER_UPDATE, after {@link NonFiniteValues#refuse} has already looked at it:
     * read during the call, never kept (the codec decodes the next one into the same message). {@code fillRefused}
     * when a field its fill is read from was refused, so the fill it reports is not counted.
     */
    public AppliedUpdate applyUpdateOrNull(OrderUpdateView update, boolean fillRefused) {
        return applier.apply(update, fillRefused);
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
        return Optional.ofNullable(applier.applyFill(fill));
    }

    /**
     * From now until {@link #releaseCompletions} on this thread, orders that end on it complete their
     * terminal futures together, at the release (the client holds them for one socket read). Other
     * threads are not held.
     */
    public void holdCompletions() {
        completions.hold();
    }

    /** Completes what this thread held, in the order the orders ended; nothing when it held nothing. */
    public void releaseCompletions() {
        completions.release();
    }

    /** Every fill counted, each once. */
    public FillLedger ledger() {
        return ledger;
    }

    /**
     * Ends an order the book thought working that the server no longer lists as open (checked after
     * a reconnect): FILLED when its fills cover it, else CANCELED, with InfoText saying why.
     */
    public Optional<AppliedUpdate> endMissing(String serverOrderId) {
        return Optional.ofNullable(endings.endMissing(serverOrderId));
    }

    /** Fills counted whose ServerOrderID names no order in the book (their 301s never reached the client). */
    public List<Fill> unattributedFills() {
        synchronized (index) {
            return unattributed.all();
        }
    }

    /**
     * Gives an order still ORDER_SENT the ServerOrderID its counted-but-unattributed fills carry (its
     * answers were lost with the connection): FILLED when they cover it, else CANCELED, since it is
     * not among the open orders. The fills were counted when they arrived and are not counted again.
     */
    public Optional<AppliedUpdate> attribute(String clientOrderId, String serverOrderId, String why) {
        return Optional.ofNullable(endings.attribute(clientOrderId, serverOrderId, why));
    }

    /**
     * Ends an order still ORDER_SENT that reconciliation showed is neither working nor filled on the
     * server: REJECTED locally with {@code why} as InfoText.
     */
    public Optional<AppliedUpdate> endUnanswered(String clientOrderId, String why) {
        return Optional.ofNullable(endings.endUnanswered(clientOrderId, why));
    }

    /** Ends an order the client could not put on the wire: no server will ever answer for it. */
    public void failLocally(String clientOrderId, String why) {
        endings.failLocally(clientOrderId, why);
    }

    /** Puts back an order saved before a restart, with its fills, without counting anything twice. */
    public TrackedOrder restore(Order saved, List<Fill> fills) {
        synchronized (index) {
            TrackedOrder t = index.find(saved.serverOrderId(), "", saved.clientOrderId());
            if (t == null) {
                t = index.add(saved);
            }
            for (Fill f : fills) {
                if (ledger.add(f)) {
                    t.addFill(f);
                }
            }
            return t;
        }
    }

    /** Orders finished and still held in memory (at most the retention given at construction). */
    public int finishedInMemory() {
        synchronized (index) {
            return index.finishedInMemory();
        }
    }
}
