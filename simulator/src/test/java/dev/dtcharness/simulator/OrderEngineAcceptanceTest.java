package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.exchange.OrderView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resting orders, cancel, cancel/replace, OCO, flatten and the resync requests, over a real socket. */
class OrderEngineAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldRestALimitOrderListItInOpenOrdersAndCancelIt() {
        try (WireClient client = client()) {
            client.send(limitOrder("R-1", "BUY", 2, 4400));
            DtcMessage accepted = client.receive("ORDER_UPDATE");
            assertThat(accepted.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_OPEN");
            String serverOrderId = accepted.getString("ServerOrderID");

            client.send(DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", 7).set("RequestAllOrders", 1));
            DtcMessage open = client.receive("ORDER_UPDATE");
            assertThat(open.getInt("RequestID")).isEqualTo(7);
            assertThat(open.enumName("OrderUpdateReason")).isEqualTo("OPEN_ORDERS_REQUEST_RESPONSE");
            assertThat(open.getInt("TotalNumMessages")).isEqualTo(1);
            assertThat(open.getInt("MessageNumber")).isEqualTo(1);
            assertThat(open.getString("ServerOrderID")).isEqualTo(serverOrderId);

            client.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", serverOrderId).set("ClientOrderID", "R-1"));
            DtcMessage canceled = client.receive("ORDER_UPDATE");
            assertThat(canceled.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(canceled.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCELED");
            assertThat(canceled.getString("ClientOrderID")).isEqualTo("R-1");

            client.send(DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", 8));
            DtcMessage none = client.receive("ORDER_UPDATE");
            assertThat(none.getInt("RequestID")).isEqualTo(8);
            assertThat(none.getLong("NoOrders")).isEqualTo(1);
            assertThat(none.getInt("TotalNumMessages")).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectACancelOfAFilledOrderAsTooLateKeepingItsStatus() {
        try (WireClient client = client()) {
            client.send(marketOrder("F-1", "BUY", 1));
            DtcMessage filled = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            client.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", filled.getString("ServerOrderID"))
                    .set("ClientOrderID", "F-1"));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REJECTED");
            assertThat(reject.enumName("OrderStatus")).as("the order keeps its status").isEqualTo("ORDER_STATUS_FILLED");
            assertThat(reject.getString("InfoText")).contains("too late to cancel");
            assertThat(reject.getString("ClientOrderID")).isEqualTo("F-1");
        }
    }

    @Test
    void shouldRejectACancelOfAnUnknownOrderWithAnEmptyServerOrderId() {
        try (WireClient client = client()) {
            client.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", "NOPE").set("ClientOrderID", "X-1"));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REJECTED");
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(reject.getString("ServerOrderID")).isEmpty();
            assertThat(reject.getString("ClientOrderID")).isEqualTo("X-1");
            assertThat(reject.getString("InfoText")).contains("NOPE");
        }
    }

    @Test
    void shouldReplaceWithANewServerOrderIdAndRejectAReplaceOfAFilledOrder() {
        try (WireClient client = client()) {
            client.send(limitOrder("CR-1", "SELL", 3, 4600));
            String first = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            client.send(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", first).set("ClientOrderID", "CR-1")
                    .set("Price1", 4590.5).set("Quantity", 5).set("Price2IsSet", 0));
            DtcMessage replaced = client.receive("ORDER_UPDATE");
            assertThat(replaced.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_COMPLETE");
            assertThat(replaced.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_OPEN");
            assertThat(replaced.getString("PreviousServerOrderID")).isEqualTo(first);
            assertThat(replaced.getString("ServerOrderID")).isNotEqualTo(first).isNotEmpty();
            assertThat(replaced.getDouble("Price1")).isEqualTo(4590.5);
            assertThat(replaced.getDouble("OrderQuantity")).isEqualTo(5);

            String second = replaced.getString("ServerOrderID");
            simulator.exchange().fill(second);
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            client.send(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", second).set("ClientOrderID", "CR-1")
                    .set("Price1", 4580.0));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_REJECTED");
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_FILLED");
            assertThat(reject.getString("InfoText")).contains("too late to replace");
        }
    }

    @Test
    void shouldPartiallyFillThenFillWithAPositionUpdateAfterEachAndUniqueExecutionIds() {
        try (WireClient client = client()) {
            client.send(limitOrder("P-1", "BUY", 3, 4500));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            simulator.exchange().fill(id, 1, 4499.75);
            DtcMessage partial = client.receive();
            assertThat(partial.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_PARTIALLY_FILLED");
            assertThat(partial.enumName("OrderUpdateReason")).isEqualTo("ORDER_FILLED_PARTIALLY");
            assertThat(partial.getDouble("FilledQuantity")).isEqualTo(1);
            assertThat(partial.getDouble("RemainingQuantity")).isEqualTo(2);
            assertThat(client.receive().name()).as("a POSITION_UPDATE follows every fill").isEqualTo("POSITION_UPDATE");

            simulator.exchange().fill(id);
            DtcMessage full = client.receive();
            assertThat(full.getInt("OrderStatus")).isEqualTo(7);
            assertThat(full.getDouble("LastFillQuantity")).isEqualTo(2);
            assertThat(full.getDouble("AverageFillPrice")).isCloseTo((4499.75 + 2 * 4500) / 3, within());
            assertThat(full.getString("LastFillExecutionID")).isNotEqualTo(partial.getString("LastFillExecutionID"));
            DtcMessage position = client.receive();
            assertThat(position.name()).isEqualTo("POSITION_UPDATE");
            assertThat(position.getDouble("Quantity")).isEqualTo(3);

            client.send(DtcMessage.of("CURRENT_POSITIONS_REQUEST").set("RequestID", 3).set("TradeAccount", "Sim1"));
            DtcMessage solicited = client.receive("POSITION_UPDATE");
            assertThat(solicited.getInt("RequestID")).isEqualTo(3);
            assertThat(solicited.getLong("Unsolicited")).isZero();
            assertThat(solicited.getDouble("Quantity")).isEqualTo(3);
            assertThat(solicited.getString("Symbol")).isEqualTo("ES");
        }
    }

    @Test
    void shouldKeepBalancesConsistentWithFillsAndAnswerAccounts() {
        try (WireClient client = client()) {
            client.send(marketOrder("B-1", "BUY", 2));
            client.receiveUntil(m -> m.is("POSITION_UPDATE"));
            client.send(limitOrder("B-2", "SELL", 2, 110));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            simulator.exchange().fill(id);
            DtcMessage flat = client.receive("POSITION_UPDATE");
            assertThat(flat.getDouble("Quantity")).isZero();
            DtcMessage pushed = client.receive();
            assertThat(pushed.name()).as("a balance change is pushed").isEqualTo("ACCOUNT_BALANCE_UPDATE");
            assertThat(pushed.getLong("Unsolicited")).isEqualTo(1);
            assertThat(pushed.getDouble("CashBalance")).isEqualTo(100_020);

            client.send(DtcMessage.of("ACCOUNT_BALANCE_REQUEST").set("RequestID", 4).set("TradeAccount", "Sim1"));
            DtcMessage balance = client.receive("ACCOUNT_BALANCE_UPDATE");
            assertThat(balance.getInt("RequestID")).isEqualTo(4);
            assertThat(balance.getDouble("CashBalance")).as("bought 2 at 100, sold 2 at 110")
                    .isEqualTo(100_000 + 2 * 10);

            client.send(DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 9));
            DtcMessage account = client.receive("TRADE_ACCOUNT_RESPONSE");
            assertThat(account.getInt("RequestID")).isEqualTo(9);
            assertThat(account.getString("TradeAccount")).isEqualTo("Sim1");
            assertThat(account.getInt("TotalNumberMessages")).isEqualTo(1);

            client.send(DtcMessage.of("CURRENT_POSITIONS_REQUEST").set("RequestID", 5));
            assertThat(client.receive("POSITION_UPDATE").getLong("NoPositions")).isEqualTo(1);
        }
    }

    @Test
    void shouldCancelTheOtherLegWhenOneLegOfAnOcoFills() {
        try (WireClient client = client()) {
            client.send(DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID_1", "TP").setEnum("OrderType_1", "ORDER_TYPE_LIMIT").setEnum("BuySell_1", "SELL")
                    .set("Price1_1", 4600.0).set("Quantity_1", 1)
                    .set("ClientOrderID_2", "SL").setEnum("OrderType_2", "ORDER_TYPE_STOP").setEnum("BuySell_2", "SELL")
                    .set("Price1_2", 4400.0).set("Quantity_2", 1).setEnum("TimeInForce", "TIF_GOOD_TILL_CANCELED"));
            DtcMessage leg1 = client.receive("ORDER_UPDATE");
            DtcMessage leg2 = client.receive("ORDER_UPDATE");
            assertThat(List.of(leg1, leg2)).extracting(m -> m.enumName("OrderUpdateReason"))
                    .containsOnly("NEW_ORDER_ACCEPTED");
            assertThat(leg1.getString("OCOLinkedOrderServerOrderID")).isEqualTo(leg2.getString("ServerOrderID"));
            assertThat(leg2.getString("OCOLinkedOrderServerOrderID")).isEqualTo(leg1.getString("ServerOrderID"));

            simulator.exchange().fill(leg1.getString("ServerOrderID"));
            List<DtcMessage> after = new ArrayList<>();
            after.add(client.receive("ORDER_UPDATE"));
            after.add(client.receive("ORDER_UPDATE"));
            assertThat(after.get(0).getInt("OrderStatus")).isEqualTo(7);
            assertThat(after.get(1).getString("ClientOrderID")).isEqualTo("SL");
            assertThat(after.get(1).enumName("OrderStatus")).isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(simulator.exchange().workingOrders()).isEmpty();
        }
    }

    @Test
    void shouldFlattenAPositionWithAMarketOrderAndRejectFlatteningNothing() {
        try (WireClient client = client()) {
            client.send(marketOrder("FL-0", "SELL", 4));
            client.receive("POSITION_UPDATE");
            client.send(DtcMessage.of("SUBMIT_FLATTEN_POSITION_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID", "FL-1"));
            DtcMessage fill = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            assertThat(fill.getString("ClientOrderID")).isEqualTo("FL-1");
            assertThat(fill.enumName("BuySell")).isEqualTo("BUY");
            assertThat(fill.getDouble("FilledQuantity")).isEqualTo(4);
            assertThat(client.receive("POSITION_UPDATE").getDouble("Quantity")).isZero();

            client.send(DtcMessage.of("SUBMIT_FLATTEN_POSITION_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID", "FL-2"));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("no position");
        }
    }

    @Test
    void shouldKeepFillsForAClientThatReconnectsAndSayWhenThereAreNone() {
        String serverOrderId;
        try (WireClient first = client()) {
            first.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 1).set("TradeAccount", "Sim1")
                    .set("NumberOfDays", 1));
            assertThat(first.receive("HISTORICAL_ORDER_FILL_RESPONSE").getLong("NoOrderFills")).isEqualTo(1);
            first.send(limitOrder("H-1", "BUY", 1, 4500));
            serverOrderId = first.receive("ORDER_UPDATE").getString("ServerOrderID");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.sessions().all().isEmpty());
        simulator.exchange().fill(serverOrderId);

        try (WireClient second = client()) {
            second.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 2).set("TradeAccount", "Sim1")
                    .set("NumberOfDays", 1));
            DtcMessage fill = second.receive("HISTORICAL_ORDER_FILL_RESPONSE");
            assertThat(fill.getInt("RequestID")).isEqualTo(2);
            assertThat(fill.getString("ServerOrderID")).isEqualTo(serverOrderId);
            assertThat(fill.getDouble("Quantity")).isEqualTo(1);
            assertThat(fill.getDouble("Price")).isEqualTo(4500);
            assertThat(fill.getString("UniqueExecutionID")).isEqualTo(simulator.exchange().fills().get(0).executionId());
            assertThat(fill.getInt("TotalNumberMessages")).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectFillRequestsWithoutDaysOrStartInSierraStrictMode() {
        try (DtcSimulator strict = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .sierraStrictFillRequests(true).build());
             WireClient client = new WireClient(strict.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 3).set("TradeAccount", "Sim1"));
            DtcMessage reject = client.receive("HISTORICAL_ORDER_FILLS_REJECT");
            assertThat(reject.getInt("RequestID")).isEqualTo(3);
            assertThat(reject.getString("RejectText")).contains("NumberOfDays or StartDateTime");
        }
    }

    @Test
    void shouldTellEverySessionAboutAnOrderPlacedElsewhere() {
        try (WireClient client = client()) {
            String id = simulator.exchange().placeElsewhere("Sim1", "NQ", "SELL", 1, 15800);
            DtcMessage update = client.receive("ORDER_UPDATE");
            assertThat(update.getInt("RequestID")).isZero();
            assertThat(update.getString("ServerOrderID")).isEqualTo(id);
            assertThat(update.getString("Symbol")).isEqualTo("NQ");
            simulator.exchange().cancel(id, "canceled in the GUI");
            DtcMessage canceled = client.receive("ORDER_UPDATE");
            assertThat(canceled.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(canceled.getString("InfoText")).isEqualTo("canceled in the GUI");
            OrderView none = simulator.exchange().workingOrder("");
            assertThat(none).isNull();
        }
    }

    private WireClient client() {
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }

    static DtcMessage marketOrder(String clientOrderId, String side, double quantity) {
        return DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                .set("ClientOrderID", clientOrderId).setEnum("OrderType", "ORDER_TYPE_MARKET").setEnum("BuySell", side)
                .set("Quantity", quantity).setEnum("TimeInForce", "TIF_DAY");
    }

    @Test
    void shouldTellEachSessionOnAnotherLoopItsOwnOrdersThoughTheExchangeWritesItsUpdatesIntoOneMessage() {
        // Two session loops: the second session's updates cross from the exchange's loop to its own, queued.
        try (DtcSimulator twoLoops = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().ioThreads(2)
                .acceptVariant(AcceptVariant.OPEN).build());
             WireClient first = new WireClient(twoLoops.port(), DtcEncoding.BINARY_ENCODING).logOn();
             WireClient second = new WireClient(twoLoops.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            int orders = 200;
            for (int i = 0; i < orders; i++) {
                first.send(limitOrder("A-" + i, "BUY", 1, 10));
                second.send(limitOrder("B-" + i, "BUY", 1, 10));
            }
            // One account: its position after each fill counts every fill of both sessions, once each.
            List<Double> allPositions = new ArrayList<>();
            for (WireClient client : List.of(first, second)) {
                String prefix = client == first ? "A-" : "B-";
                List<String> accepted = new ArrayList<>();
                List<String> filled = new ArrayList<>();
                List<Double> positions = new ArrayList<>();
                while (positions.size() < orders) {
                    DtcMessage m = client.receive();
                    if (m.is("ORDER_UPDATE")) {
                        (m.getInt("OrderStatus") == 7 ? filled : accepted).add(m.getString("ClientOrderID"));
                    } else if (m.is("POSITION_UPDATE")) {
                        positions.add(m.getDouble("Quantity"));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < orders; i++) {
                    expected.add(prefix + i);
                }
                assertThat(accepted).as("accepted, in order").isEqualTo(expected);
                assertThat(filled).as("filled, in order").isEqualTo(expected);
                assertThat(positions).as("rising with every fill").isSorted().doesNotHaveDuplicates();
                allPositions.addAll(positions);
            }
            List<Double> everyCount = new ArrayList<>();
            for (int i = 1; i <= 2 * orders; i++) {
                everyCount.add((double) i);
            }
            assertThat(allPositions).containsExactlyInAnyOrderElementsOf(everyCount);
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
