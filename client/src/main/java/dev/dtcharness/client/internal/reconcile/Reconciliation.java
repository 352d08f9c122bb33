package dev.dtcharness.client.internal.reconcile;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.Side;
import dev.dtcharness.client.internal.order.AppliedUpdate;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.message.HistoricalOrderFillResponse;
import dev.dtcharness.protocol.message.HistoricalOrderFillResponseView;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.OrderUpdateView;
import dev.dtcharness.protocol.message.SubmitFlattenPositionOrder;
import dev.dtcharness.protocol.message.SubmitNewOcoOrder;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.protocol.enums.OrderStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a (re-)logon, catches the book up with what happened while the client was away (FACTS 3.1):
 * OPEN_ORDERS_REQUEST (300) restates every working order, and an order the book thought working
 * that is not restated has ended; HISTORICAL_ORDER_FILLS_REQUEST (303) lists the fills, merged
 * into the ledger by execution id so none is lost or counted twice; CURRENT_POSITIONS_REQUEST (305)
 * refreshes the server's positions. Once both answers are in, orders still ORDER_SENT from a
 * dropped connection are settled by {@link UnansweredOrders}. Runs on the event loop.
 */
public final class Reconciliation {
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final DtcClientConfig config;
    private final OrderBook book;
    private final ProblemCounter problems;
    private final BiConsumer<AppliedUpdate, MessageView> publish;
    private final AtomicLong requestIds = new AtomicLong(1000);
    private long openOrdersRequest;
    private long fillsRequest;
    private Set<String> liveBefore = Set.of();
    private boolean openOrdersDone;
    private boolean fillsDone;
    private final Set<String> restated = new HashSet<>();
    private final List<UnansweredOrders.UnknownWorking> unknownWorking = new ArrayList<>();
    private Set<String> inDoubt = Set.of();
    private volatile int rounds;
    /** The latest fill time (epoch ms, the server's clock) the client has read, or 0: where the next fills request may start. */
    private long lastFillMillis;
    /**
     * Fill times read while a fills answer is still coming: they count only once it is complete, for
     * a dropped connection cuts an answer anywhere, and its fills need not come oldest first.
     */
    private long pendingFillMillis;
    /** Whether the message being looked at had its fill refused by the router; on the event loop only. */
    private boolean fillRefused;

    /** {@code publish} tells the client's listeners about a change the book made (a missed fill). */
    public Reconciliation(DtcClientConfig config, OrderBook book, ProblemCounter problems,
                          BiConsumer<AppliedUpdate, MessageView> publish) {
        this.config = config;
        this.book = book;
        this.problems = problems;
        this.publish = publish;
    }

    /**
     * Fills up to {@code millis} are already counted (restored from the order-history database after a
     * restart): the first fills request then starts {@code fillsOverlap} before it, as after a reconnect,
     * instead of asking for whole days again.
     */
    public synchronized void countedFillsUntil(long millis) {
        sawFillAt(millis);
    }

    /** Notes a message written on {@code connection}: new orders are remembered with it until answered. */
    public void written(DtcMessage m, Object connection) {
        if (m instanceof SubmitNewSingleOrder s) {
            book.writtenOn(s.clientOrderID(), connection);
        } else if (m instanceof SubmitFlattenPositionOrder f) {
            book.writtenOn(f.clientOrderID(), connection);
        } else if (m instanceof SubmitNewOcoOrder oco) {
            book.writtenOn(oco.clientOrderID_1(), connection);
            book.writtenOn(oco.clientOrderID_2(), connection);
        }
    }

    /**
     * Sends the three requests on {@code connection}; call right after LOGON_SUCCESS, before
     * anything queued goes out.
     */
    public synchronized void start(Object connection, Consumer<DtcMessage> send) {
        liveBefore = new HashSet<>(book.live().stream().map(Order::serverOrderId).toList());
        inDoubt = book.unansweredBefore(connection);
        restated.clear();
        unknownWorking.clear();
        openOrdersDone = false;
        fillsDone = false;
        pendingFillMillis = 0;
        openOrdersRequest = requestIds.incrementAndGet();
        fillsRequest = requestIds.incrementAndGet();
        log.info("reconciling with the server: {} order(s) were working", liveBefore.size());
        send.accept(DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", openOrdersRequest).set("RequestAllOrders", 1));
        // Sierra Chart rejects NumberOfDays 0 with StartDateTime 0, and an empty TradeAccount (FACTS 3.4).
        // The positions answer goes to the PositionTracker like any POSITION_UPDATE: the server's view beside ours.
        send.accept(DtcMessage.of("CURRENT_POSITIONS_REQUEST").set("RequestID", requestIds.incrementAndGet())
                .set("TradeAccount", config.logon().tradeAccount()));
        DtcMessage fills = DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", fillsRequest)
                .set("NumberOfDays", config.recovery().historicalFillDays()).set("TradeAccount", config.logon().tradeAccount());
        if (config.recovery().fillsOverlap() != null && lastFillMillis > 0) {
            // StartDateTime wins over NumberOfDays (FACTS 3.4); NumberOfDays stays for servers that need it set.
            long startSeconds = Math.max(1, DtcTimes.seconds(lastFillMillis - config.recovery().fillsOverlap().toMillis()));
            fills.set("StartDateTime", startSeconds);
            log.info("asking for fills from {} on (the last fill read, less {})", java.time.Instant.ofEpochSecond(startSeconds),
                    config.recovery().fillsOverlap());
        }
        send.accept(fills);
    }

    /** How many open-orders answers have been fully applied: tests and features wait on it. */
    public int completedRounds() {
        return rounds;
    }

    /** Looks at every inbound message after the router applied it; lent, not given: nothing keeps it. */
    public void afterRouted(MessageView m) {
        afterRouted(m, false);
    }

    /**
     * As {@link #afterRouted(MessageView)}; {@code fillRefused} when the router refused the fill a historical-fill
     * message carries (a non-finite Price or Quantity, named and counted there): it still counts toward the answer.
     */
    public synchronized void afterRouted(MessageView m, boolean fillRefused) {
        this.fillRefused = fillRefused;
        if (m instanceof OrderUpdate u) {
            // The book marked the order answered while applying it; here only the times and the open-orders answer.
            // Unset reads 0, which sawFillAt ignores.
            sawFillAt(DtcTimes.millis(u.lastFillDateTime()));
            if (openOrdersRequest != 0 && u.requestID() == openOrdersRequest) {
                onOpenOrder(u);
            }
        } else if (m.is("OPEN_ORDERS_REJECT") && m.getLong("RequestID") == openOrdersRequest) {
            problems.warn(log, "the server refused the open-orders request: {}", m.getString("RejectText"));
            // Without the list nothing can be said about orders that ended while away: leave them.
            liveBefore = Set.of();
            openOrdersDone = true;
            finishIfDone(m);
        } else if (m instanceof HistoricalOrderFillResponse f && fillsRequest != 0 && f.requestID() == fillsRequest) {
            onHistoricalFill(f);
        } else if (m.is("HISTORICAL_ORDER_FILLS_REJECT") && m.getLong("RequestID") == fillsRequest) {
            problems.warn(log, "the server refused the historical-fills request: {}", m.getString("RejectText"));
            fillsDone = true;
            finishIfDone(m);
        }
    }

    private void onOpenOrder(OrderUpdateView m) {
        boolean none = m.noOrders() != 0;
        if (!none && !m.serverOrderID().isEmpty()) {
            restated.add(m.serverOrderID());
            if (m.clientOrderID().isEmpty()) {
                Side side = Side.ofCode(m.buySellValue());
                unknownWorking.add(new UnansweredOrders.UnknownWorking(m.tradeAccount(), m.symbol(),
                        side == null ? "" : side.name()));
            }
        }
        long total = m.totalNumMessages();
        if (none || total <= 0 || m.messageNumber() >= total) {
            openOrdersDone = true;
            finishIfDone(m);
        }
    }

    /** Only once the fills are in too: an order that filled while away must end FILLED, not CANCELED. */
    private void finishIfDone(MessageView lastAnswer) {
        if (!openOrdersDone || !fillsDone) {
            return;
        }
        long ended = 0;
        for (String id : liveBefore) {
            if (!restated.contains(id)) {
                ended += book.endMissing(id).map(applied -> {
                    publish.accept(applied, lastAnswer);
                    return 1;
                }).orElse(0);
            }
        }
        settleUnanswered(lastAnswer);
        log.info("reconciled: {} order(s) restated, {} ended while away, {} fill(s) counted in all", restated.size(),
                ended, book.ledger().size());
        openOrdersRequest = 0;
        fillsRequest = 0;
        rounds++;
    }

    /** Orders still ORDER_SENT from a dropped connection: attributed, ended, or reported (see {@link UnansweredOrders}). */
    private void settleUnanswered(MessageView lastAnswer) {
        List<Order> doubtful = new ArrayList<>();
        for (String id : inDoubt) {
            Optional<Order> o = book.byClientOrderId(id);
            if (o.isPresent() && o.get().status() == OrderStatus.ORDER_SENT.value()) {
                doubtful.add(o.get());
            }
        }
        if (doubtful.isEmpty()) {
            return;
        }
        UnansweredOrders.Verdicts v = UnansweredOrders.judge(doubtful, book.unattributedFills(), unknownWorking);
        v.serverOrderIdByClientOrderId().forEach((clientId, serverId) -> {
            book.attribute(clientId, serverId, "its 301s were lost when the connection dropped; ServerOrderID " + serverId
                    + " taken from the only unattributed fills that fit it (account, symbol, side, quantity, price)")
                    .ifPresent(applied -> publish.accept(applied, lastAnswer));
        });
        for (String clientId : v.neverReceived()) {
            book.endUnanswered(clientId, NOT_RECEIVED).ifPresent(applied -> publish.accept(applied, lastAnswer));
        }
        v.undecided().forEach((clientId, why) -> problems.warn(log, "order {} stays ORDER_SENT: it is not working, and {}; "
                + "DTC fills carry no ClientOrderID, so the client will not guess", clientId, why));
    }

    /** InfoText of an order the server never took: what reconciliation proved, and the likely cause. */
    static final String NOT_RECEIVED = "not received by the server before the connection dropped: absent from open "
            + "orders and fills after reconciliation";

    private void onHistoricalFill(HistoricalOrderFillResponseView m) {
        countHistoricalFill(m);
        long total = m.totalNumberMessages();
        if (m.noOrderFills() != 0 || total <= 0 || m.messageNumber() >= total) {
            lastFillMillis = Math.max(lastFillMillis, pendingFillMillis);
            fillsDone = true;
            finishIfDone(m);
        }
    }

    private void countHistoricalFill(HistoricalOrderFillResponseView m) {
        if (m.noOrderFills() != 0 || fillRefused) {
            return;
        }
        String executionId = m.uniqueExecutionID();
        if (executionId.isEmpty()) {
            problems.warn(log, "a historical fill without UniqueExecutionID cannot be matched, ignored: {}", m);
            return;
        }
        long millis = DtcTimes.millis(m.dateTime());
        sawFillAt(millis);
        Fill fill = new Fill(executionId, m.serverOrderID(), "", m.symbol(), m.tradeAccount(), Side.ofCode(m.buySellValue()),
                m.quantity(), m.price(), millis, m.name());
        book.applyFill(fill).ifPresent(applied -> publish.accept(applied, m));
    }

    /** Unset (0) and absurd times (after the year 3000, an unset value read as a number) are ignored. */
    private void sawFillAt(long millis) {
        if (millis <= 0 || millis >= 32_503_680_000_000L) {
            return;
        }
        if (fillsRequest != 0) {
            pendingFillMillis = Math.max(pendingFillMillis, millis);
        } else {
            lastFillMillis = Math.max(lastFillMillis, millis);
        }
    }
}
