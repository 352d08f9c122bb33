package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.OrderUpdateView;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the server says to the orders: one ORDER_UPDATE (301), or a fill learnt outside one
 * (HISTORICAL_ORDER_FILL_RESPONSE). It finds the order in the {@link OrderIndex}, has the
 * {@link OrderStateMachine} judge the status, folds the fields ({@link OrderFolding}), counts the fill
 * once in the {@link FillLedger}, and hands the ended order to {@link Completions}; it never calls
 * back into the book, which only delegates to it. Runs on the event loop; changes under the index's lock.
 */
final class OrderUpdateApplier {
    /** The book's logger: operators find the book's lines under one name. */
    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);

    private final OrderIndex index;
    private final FillLedger ledger;
    private final UnattributedFills unattributed;
    private final FillViolations violations;
    private final Completions completions;
    private final ProblemCounter problems;

    OrderUpdateApplier(OrderIndex index, FillLedger ledger, UnattributedFills unattributed, FillViolations violations,
                       Completions completions, ProblemCounter problems) {
        this.index = index;
        this.ledger = ledger;
        this.unattributed = unattributed;
        this.violations = violations;
        this.completions = completions;
        this.problems = problems;
    }

    /**
     * Applies one ORDER_UPDATE, read during the call and not kept; null for an update naming no order.
     * {@code fillRefused} when a field its fill is read from was refused as non-finite, so its fill is not counted.
     */
    AppliedUpdate apply(OrderUpdateView update, boolean fillRefused) {
        if (update.noOrders() != 0) {
            return null;
        }
        String serverId = update.serverOrderID();
        String clientId = update.clientOrderID();
        if (serverId.isEmpty() && clientId.isEmpty()) {
            // The message as text: the client's codec decodes the next ORDER_UPDATE into this same message.
            problems.warn(log, "ORDER_UPDATE names no order (neither ServerOrderID nor ClientOrderID), ignored: {}",
                    update.toString());
            return null;
        }
        int reason = update.orderUpdateReasonValue();
        AppliedUpdate applied;
        Fill withoutPrice = null;
        Fill repeated = null;
        synchronized (index) {
            TrackedOrder tracked = index.find(serverId, update.previousServerOrderID(), clientId);
            if (tracked == null) {
                if (reason == OrderUpdateReason.ORDER_CANCEL_REJECTED.value()
                        || reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED.value()) {
                    problems.warn(log, "{} for an order the book does not know ({}/{}), ignored: {}",
                            StatusNames.reasonName(reason), dash(clientId), dash(serverId), update.toString());
                    return null;
                }
                log.info("order {}/{} placed elsewhere (RequestID {}): added to the book", dash(clientId), dash(serverId),
                        update.requestID());
                tracked = index.addUnknown();
            }
            tracked.answered();
            Order before = tracked.current();
            Transition t = OrderStateMachine.judge(before.status(), update.orderStatusValue(), reason);
            tracked.addTransition(t);
            Order fields = t.verdict() == Transition.Verdict.STALE ? OrderFolding.counted(before)
                    : OrderFolding.apply(before, update, OrderStateMachine.resulting(t));
            List<Fill> adopted = fields.serverOrderId().isEmpty() ? null : unattributed.take(fields.serverOrderId());
            if (adopted != null) {
                adopted.forEach(tracked::addFill);
            }
            Fill fill = OrderFolding.fillIn(update, before, fields);
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
                fields = OrderFolding.with(fields, fields.filledQuantity(), fields.averageFillPrice(), fields.status(),
                        fields.updateCount(), before.lastFillPrice(), before.lastFillQuantity(), before.lastFillExecutionId());
            }
            // An update reporting less filled than the book holds is older news (a reordered or repeated one).
            boolean behind = OrderFolding.number(update.filledQuantity(), before.filledQuantity()) < before.filledQuantity();
            Order after = OrderFolding.consistent(before, fields, tracked.fillsView(), newFill, behind);
            tracked.update(after);
            index.index(tracked, after);
            index.retireIfFinished(tracked, before, after);
            index.lastUpdated(tracked);
            applied = new AppliedUpdate(before, after, t, newFill, tracked);
        }
        logChange(applied, update.lastFillExecutionID());
        violations.judge(applied, withoutPrice, repeated, "ORDER_UPDATE");
        completions.complete(applied.order(), applied.after());
        return applied;
    }

    /**
     * Counts a fill learnt outside ORDER_UPDATE: null when its execution id was counted already. A fill of
     * an order the book does not hold is still counted (kept unattributed by its ServerOrderID), with null orders.
     */
    AppliedUpdate applyFill(Fill fill) {
        AppliedUpdate applied;
        synchronized (index) {
            if (!ledger.add(fill)) {
                applied = null;
            } else {
                TrackedOrder tracked = fill.serverOrderId().isEmpty() ? null : index.byServerOrderId(fill.serverOrderId());
                if (tracked == null) {
                    if (!fill.serverOrderId().isEmpty()) {
                        unattributed.add(fill);
                    }
                    log.info("fill {} of order {} the book does not hold: counted", fill.executionId(), dash(fill.serverOrderId()));
                    return new AppliedUpdate(null, null, null, fill, null);
                }
                Order before = tracked.current();
                tracked.addFill(fill);
                Order after = OrderFolding.consistent(before, before, tracked.fillsView(), fill, false);
                if (!after.isTerminal() && after.orderQuantity() > 0 && after.filledQuantity() >= after.orderQuantity()) {
                    after = OrderFolding.with(after, after.filledQuantity(), after.averageFillPrice(), OrderStatus.FILLED.value(),
                            after.updateCount(), after.lastFillPrice(), after.lastFillQuantity(), after.lastFillExecutionId());
                }
                tracked.update(after);
                index.retireIfFinished(tracked, before, after);
                applied = new AppliedUpdate(before, after, null, fill, tracked);
            }
        }
        if (applied == null) {
            // Outside the lock: the first version may have to come from the history database.
            TrackedOrder order;
            synchronized (index) {
                order = fill.serverOrderId().isEmpty() ? null : index.byServerOrderId(fill.serverOrderId());
            }
            violations.conflicts(order, fill, fill.source());
            return null;
        }
        log.info("order {}: missed fill {} of {} at {} counted", applied.after().describe(), fill.executionId(),
                fill.quantity(), fill.price());
        violations.judge(applied, null, null, fill.source());
        completions.complete(applied.order(), applied.after());
        return applied;
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
        if (!fillId.isEmpty() && a.newFill() == null && log.isInfoEnabled()) {
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

    static String dash(String id) {
        return id.isEmpty() ? "-" : id;
    }
}
