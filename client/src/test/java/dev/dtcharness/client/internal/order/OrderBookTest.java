package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import dev.dtcharness.protocol.enums.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.Side;
import dev.dtcharness.client.Transition.Verdict;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.message.OrderUpdate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    private final ProblemCounter problems = new ProblemCounter();
    private final OrderBook book = new OrderBook(problems);
    private TrackedOrder order;

    @BeforeEach
    void sendABuyOfFour() {
        order = book.register(new Order("C1", "", "ES", "", "SIM1", Side.BUY, 7, 100, 4, 0, 4, Double.NaN, Double.NaN, 0,
                "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
    }

    @Test
    void shouldNotReopenAFilledOrderOnAStaleOpen() {
        book.apply(u(update("S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));
        book.apply(u(fill(update("S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 4), 4, 100.5, "E1")));
        DtcMessage staleOpen = update("S1", "ORDER_STATUS_OPEN", "GENERAL_ORDER_UPDATE", 0);

        Order after = book.apply(u(staleOpen)).orElseThrow();

        assertThat(after.statusName()).isEqualTo("ORDER_STATUS_FILLED");
        assertThat(after.filledQuantity()).isEqualTo(4);
        assertThat(after.remainingQuantity()).isZero();
        assertThat(after.averageFillPrice()).isEqualTo(100.5);
        assertThat(order.transitions()).extracting(Transition::verdict)
                .containsExactly(Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.STALE);
        assertThat(problems.warningCount()).as("the stale update is logged as a warning").isEqualTo(1);
    }

    @Test
    void shouldRefuseAFillAtANonFinitePriceWhenTheBookIsUsedOnItsOwn() {
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 1, 100, "E1")));
        DtcMessage bad = fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 2), 1, 100, "E2")
                .set("LastFillPrice", Double.NaN);

        AppliedUpdate applied = book.applyUpdateOrNull(u(bad));

        assertThat(applied.newFill()).isNull();
        assertThat(order.fills()).extracting(Fill::executionId).containsExactly("E1");
        assertThat(book.ledger().contains("E2")).as("left out, so a corrected repeat still counts").isFalse();
        assertThat(bad.isSet("LastFillPrice")).as("unset for every later reader").isFalse();
        assertThat(problems.violationCount(dev.dtcharness.client.ProtocolViolation.NON_FINITE_VALUE)).isEqualTo(1);
        assertThat(problems.recentViolations()).singleElement().asString().contains("C1/S1", "LastFillPrice=NaN", "not counted");
    }

    @Test
    void shouldCompleteTheHandlesOfOrdersEndedWhileHeldTogetherAtTheRelease() throws Exception {
        book.holdCompletions();
        book.apply(u(fill(update("S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 4), 4, 100.5, "E1")));
        assertThat(order.current().statusName()).as("the book itself is current at once").isEqualTo("ORDER_STATUS_FILLED");
        assertThat(order.terminal()).as("held until the read is done").isNotDone();

        book.releaseCompletions();

        assertThat(order.terminal()).isCompletedWithValueMatching(o -> o.filledQuantity() == 4);
    }

    @Test
    void shouldNotHoldTheCompletionsOfAnotherThread() throws Exception {
        book.holdCompletions();
        Thread other = new Thread(() -> book.apply(u(fill(update("S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 4), 4,
                100.5, "E1"))));
        other.start();
        other.join();

        assertThat(order.terminal()).as("ended on a thread that holds nothing").isDone();
        book.releaseCompletions();
    }

    @Test
    void shouldHoldAnOrderInDoubtOnlyWhileUnansweredAndOnlyForALaterConnection() {
        Object first = new Object();
        Object second = new Object();
        TrackedOrder other = book.register(new Order("C2", "", "ES", "", "SIM1", Side.SELL, 7, 101, 1, 0, 1, Double.NaN,
                Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
        book.writtenOn("C1", first);
        book.writtenOn("C2", first);

        assertThat(book.unansweredBefore(first)).as("written on the connection being reconciled").isEmpty();
        assertThat(book.unansweredBefore(second)).containsExactlyInAnyOrder("C1", "C2");

        book.apply(u(update("S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));

        assertThat(book.unansweredBefore(second)).as("C1 has its answer").containsExactly("C2");
        assertThat(other.current().statusName()).isEqualTo("ORDER_STATUS_ORDER_SENT");
    }

    @Test
    void shouldListOrdersInArrivalOrderWhetherRegisteredOrPlacedElsewhere() {
        book.apply(u(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "X9").setEnum("OrderStatus", "ORDER_STATUS_OPEN")
                .setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("OrderQuantity", 1)));
        book.register(new Order("C2", "", "ES", "", "SIM1", Side.SELL, 7, 101, 1, 0, 1, Double.NaN, Double.NaN, 0,
                "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
        book.apply(u(fill(update("S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 4), 4, 100.5, "E1")));

        assertThat(book.all()).extracting(o -> o.clientOrderId() + "/" + o.serverOrderId())
                .containsExactly("C1/S1", "/X9", "C2/");
        assertThat(book.open()).as("the filled one has ended").extracting(o -> o.clientOrderId() + "/" + o.serverOrderId())
                .containsExactly("/X9", "C2/");
        assertThat(book.live()).as("C2 has no answer yet").extracting(Order::serverOrderId).containsExactly("X9");
    }

    @Test
    void shouldForgetTheOldestFinishedOrdersBeyondItsRetentionButKeepTheirFillsCounted() {
        OrderBook small = new OrderBook(problems, 2);
        for (int i = 1; i <= 5; i++) {
            sendAndFill(small, "K" + i);
        }
        small.register(new Order("K6", "", "ES", "", "SIM1", Side.BUY, 7, 100, 1, 0, 1, Double.NaN, Double.NaN, 0,
                "", OrderStatus.ORDER_SENT.value(), 0, "", 0));

        assertThat(small.all()).extracting(Order::clientOrderId).containsExactly("K4", "K5", "K6");
        assertThat(small.byServerOrderId("SK1")).isEmpty();
        assertThat(small.finishedInMemory()).isEqualTo(2);
        assertThat(small.ledger().size()).as("fills of forgotten orders stay counted").isEqualTo(5);
        assertThat(small.ledger().contains("EK1")).isTrue();
    }

    @Test
    void shouldTakeAnUpdateForAnOrderForgottenJustAfterItsLastOneAsANewOrder() {
        OrderBook none = new OrderBook(problems, 0);
        sendAndFill(none, "F1");
        TrackedOrder forgotten = none.tracked("F1").orElse(null);
        assertThat(forgotten).as("forgotten as soon as it ended").isNull();
        DtcMessage again = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "SF1")
                .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "GENERAL_ORDER_UPDATE")
                .set("OrderQuantity", 1).set("FilledQuantity", 1);

        AppliedUpdate applied = none.applyUpdate(u(again)).orElseThrow();

        assertThat(applied.before().status()).as("an order the book does not hold").isEqualTo(OrderStatus.UNSPECIFIED.value());
        assertThat(applied.after().updateCount()).isEqualTo(1);
        assertThat(none.ledger().size()).as("its fill stays counted").isEqualTo(1);
    }

    @Test
    void shouldFindEachOrderByItsIdWhenUpdatesOfDifferentOrdersInterleave() {
        for (String id : List.of("I1", "I2")) {
            book.register(new Order(id, "", "ES", "", "SIM1", Side.BUY, 7, 100, 2, 0, 2, Double.NaN, Double.NaN, 0,
                    "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
            book.apply(u(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S" + id).set("ClientOrderID", id)
                    .setEnum("OrderStatus", "ORDER_STATUS_OPEN").setEnum("OrderUpdateReason", "NEW_ORDER_ACCEPTED")
                    .set("OrderQuantity", 2)));
        }
        for (String id : List.of("I1", "I2", "I1", "I2")) {
            // No ClientOrderID: only the ServerOrderID finds the order, as DTC allows for fills.
            book.apply(u(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S" + id)
                    .setEnum("OrderStatus", "ORDER_STATUS_PARTIALLY_FILLED").setEnum("OrderUpdateReason", "GENERAL_ORDER_UPDATE")
                    .set("OrderQuantity", 2).set("FilledQuantity", 0)));
        }

        assertThat(book.byClientOrderId("I1").orElseThrow().updateCount()).isEqualTo(3);
        assertThat(book.byClientOrderId("I2").orElseThrow().updateCount()).isEqualTo(3);
        assertThat(book.all()).as("no order added as placed elsewhere").extracting(Order::clientOrderId).containsExactly("C1", "I1", "I2");
    }

    @Test
    void shouldForgetInBatchesOfAQuarterOfItsRetention() {
        OrderBook book8 = new OrderBook(problems, 8);
        for (int i = 1; i <= 11; i++) {
            sendAndFill(book8, "B" + i);
            if (i == 10) {
                assertThat(book8.finishedInMemory()).as("8 kept, and a batch of 2 waiting").isEqualTo(10);
            }
        }

        assertThat(book8.finishedInMemory()).as("the 11th clears the batch").isEqualTo(8);
        assertThat(book8.byClientOrderId("B3")).isEmpty();
        assertThat(book8.byClientOrderId("B4")).isPresent();
    }

    @Test
    void shouldCountAFillRepeatedWithTheSameExecutionIdOnce() {
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 1, 100, "E1")));
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 3), 2, 103, "E2")));
        Order afterDuplicate = book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1),
                1, 100, "E1"))).orElseThrow();

        assertThat(order.fills()).extracting(Fill::executionId).containsExactly("E1", "E2");
        assertThat(afterDuplicate.filledQuantity()).as("never goes down").isEqualTo(3);
        assertThat(afterDuplicate.remainingQuantity()).isEqualTo(1);
        assertThat(afterDuplicate.averageFillPrice()).as("VWAP of the counted fills").isEqualTo((100 + 2 * 103) / 3.0);
        assertThat(afterDuplicate.lastFillExecutionId()).as("a repeat is not the latest fill").isEqualTo("E2");
        assertThat(afterDuplicate.lastFillPrice()).isEqualTo(103);
        assertThat(book.ledger().size()).isEqualTo(2);
    }

    @Test
    void shouldCountARepeatedFillWithoutExecutionIdOnce() {
        DtcMessage noId = update("S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 4).set("LastFillPrice", 99);

        book.apply(u(noId));
        Order after = book.apply(u(noId.copy())).orElseThrow();

        assertThat(order.fills()).singleElement().satisfies(f -> {
            assertThat(f.executionId()).isEqualTo("S1@4");
            assertThat(f.quantity()).isEqualTo(4);
        });
        assertThat(after.filledQuantity()).isEqualTo(4);
    }

    @Test
    void shouldFollowTheOrderToItsNewServerOrderIdOnReplace() {
        book.apply(u(update("S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));
        DtcMessage replaced = update("S2", "ORDER_STATUS_OPEN", "ORDER_CANCEL_REPLACE_COMPLETE", 0)
                .set("PreviousServerOrderID", "S1").set("Price1", 101).set("OrderQuantity", 6);

        book.apply(u(replaced));
        book.apply(u(update("S2", "ORDER_STATUS_OPEN", "GENERAL_ORDER_UPDATE", 0).set("ClientOrderID", null)
                .set("OrderQuantity", 6).set("RemainingQuantity", 6)));

        assertThat(book.all()).singleElement().satisfies(o -> {
            assertThat(o.serverOrderId()).isEqualTo("S2");
            assertThat(o.clientOrderId()).isEqualTo("C1");
            assertThat(o.price1()).isEqualTo(101);
            assertThat(o.remainingQuantity()).isEqualTo(6);
        });
        assertThat(book.byServerOrderId("S2")).isPresent();
    }

    @Test
    void shouldLeaveAWorkingOrderAloneWhenItsCancelIsRejected() {
        book.apply(u(update("S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));

        Order after = book.apply(u(update("S1", "ORDER_STATUS_REJECTED", "ORDER_CANCEL_REJECTED", 0)
                .set("InfoText", "too late to cancel"))).orElseThrow();

        assertThat(after.statusName()).isEqualTo("ORDER_STATUS_OPEN");
        assertThat(after.lastReasonName()).isEqualTo("ORDER_CANCEL_REJECTED");
        assertThat(after.infoText()).isEqualTo("too late to cancel");
        assertThat(order.terminal()).isNotDone();
    }

    @Test
    void shouldKeepAnInvalidTransitionAndCountItAsAWarning() {
        book.apply(u(update("S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));

        Order after = book.apply(u(update("S1", "ORDER_STATUS_PENDING_CHILD", "GENERAL_ORDER_UPDATE", 0))).orElseThrow();

        assertThat(after.statusName()).isEqualTo("ORDER_STATUS_PENDING_CHILD");
        assertThat(order.transitions()).last().extracting(Transition::verdict).isEqualTo(Verdict.INVALID);
        assertThat(problems.warningCount()).isEqualTo(1);
    }

    @Test
    void shouldMergeAHistoricalFillByExecutionIdWithoutCountingTwice() {
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 1, 100, "E1")));
        Fill again = new Fill("E1", "S1", "", "ES", "SIM1", Side.BUY, 1, 100, 0, "HISTORICAL_ORDER_FILL_RESPONSE");
        Fill missed = new Fill("E2", "S1", "", "ES", "SIM1", Side.BUY, 3, 102, 0, "HISTORICAL_ORDER_FILL_RESPONSE");

        assertThat(book.applyFill(again)).isEmpty();
        AppliedUpdate applied = book.applyFill(missed).orElseThrow();

        assertThat(applied.after().statusName()).as("its fills cover it").isEqualTo("ORDER_STATUS_FILLED");
        assertThat(applied.after().filledQuantity()).isEqualTo(4);
        assertThat(applied.after().averageFillPrice()).isEqualTo((100 + 3 * 102) / 4.0);
        assertThat(order.terminal()).isCompleted();
    }

    @Test
    void shouldReadLastFillDateTimeInMillisecondsOrInTheSecondsOlderServersSend() {
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 1, 100, "E1")
                .set("LastFillDateTime", 1_764_000_000_123L)));
        book.apply(u(fill(update("S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 2), 1, 100, "E2")
                .set("LastFillDateTime", 1_764_000_001L)));

        assertThat(order.fills()).extracting(Fill::dateTimeMillis).containsExactly(1_764_000_000_123L, 1_764_000_001_000L);
    }

    /** Registers a buy of one as {@code id} and fills it: ServerOrderID "S" + id, execution id "E" + id. */
    private static void sendAndFill(OrderBook book, String id) {
        book.register(new Order(id, "", "ES", "", "SIM1", Side.BUY, 7, 100, 1, 0, 1, Double.NaN, Double.NaN, 0,
                "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
        book.apply(u(fill(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S" + id).set("ClientOrderID", id)
                .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "ORDER_FILLED")
                .set("OrderQuantity", 1).set("FilledQuantity", 1).set("RemainingQuantity", 0), 1, 100, "E" + id)));
    }

    private static DtcMessage update(String serverOrderId, String status, String reason, double filled) {
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", serverOrderId).set("ClientOrderID", "C1")
                .set("Symbol", "ES").setEnum("OrderStatus", status).setEnum("OrderUpdateReason", reason)
                .set("OrderQuantity", 4).set("FilledQuantity", filled).set("RemainingQuantity", 4 - filled);
    }

    private static DtcMessage fill(DtcMessage update, double quantity, double price, String executionId) {
        return update.set("AverageFillPrice", price).set("LastFillPrice", price).set("LastFillQuantity", quantity)
                .set("LastFillExecutionID", executionId);
    }

    /** What the client's codec hands the book: DtcMessage.of("ORDER_UPDATE") makes the typed class. */
    private static OrderUpdate u(DtcMessage m) {
        return (OrderUpdate) m;
    }
}
