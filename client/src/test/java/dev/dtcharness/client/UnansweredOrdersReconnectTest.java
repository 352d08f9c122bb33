package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders whose answers never came because the connection dropped: after the next reconciliation
 * (open orders and fills both answered) the client settles them within DTC's rules, or says why not.
 */
class UnansweredOrdersReconnectTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ReconnectPolicy FAST = ReconnectPolicy.backoff(Duration.ofMillis(20), Duration.ofMillis(100), 100);

    @TempDir
    Path dir;

    @Test
    void shouldEndAnOrderTheServerNeverTookRejectedLocallyAndTellListenersAndHistory() {
        server = new FakeServer(answersReconciliation(request -> List.of()));
        client = connect(DtcClientConfig.builder().historyDatabase(dir.resolve("history.db")));
        List<Order> heard = new CopyOnWriteArrayList<>();
        client.onOrderUpdate((o, cause) -> heard.add(o));
        OrderHandle lost = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100));
        await().atMost(WAIT).until(() -> !server.received("SUBMIT_NEW_SINGLE_ORDER").isEmpty());
        long warningsBefore = client.problems().warningCount();

        server.dropClients();

        assertThat(lost.terminal()).succeedsWithin(WAIT).satisfies(o -> {
            assertThat(o.statusName()).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(o.infoText()).isEqualTo("not received by the server before the connection dropped: "
                    + "absent from open orders and fills after reconciliation");
            assertThat(o.filledQuantity()).isZero();
        });
        assertThat(lost.fills()).isEmpty();
        assertThat(lost.transitions()).extracting(Transition::toString).last().asString().contains("SENT -> REJECTED");
        // The handle completes first; listeners and the history hear of it right after, on the event loop.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(heard).as("listeners hear it").anyMatch(o -> o.clientOrderId().equals(lost.clientOrderId())
                    && o.statusName().equals("ORDER_STATUS_REJECTED"));
            assertThat(client.historyDatabase().orders()).as("recorded in history").anyMatch(o ->
                    o.clientOrderId().equals(lost.clientOrderId()) && o.statusName().equals("ORDER_STATUS_REJECTED"));
        });
        assertThat(client.problems().warningCount()).as("counted as a problem").isGreaterThan(warningsBefore);
    }

    @Test
    void shouldGiveTheOrderTheServerOrderIdOfTheOnlyUnattributedFillsThatFitIt() {
        server = new FakeServer(answersReconciliation(request -> List.of(
                historicalFill(request, 1, 2, "S9", "E9-1", "BUY", 1, 99.75),
                historicalFill(request, 2, 2, "S9", "E9-2", "BUY", 1, 100))));
        client = connect(DtcClientConfig.builder());
        List<Fill> fills = new CopyOnWriteArrayList<>();
        client.onFill((f, o) -> fills.add(f));
        OrderHandle lost = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100));
        await().atMost(WAIT).until(() -> !server.received("SUBMIT_NEW_SINGLE_ORDER").isEmpty());

        server.dropClients();

        assertThat(lost.terminal()).succeedsWithin(WAIT).satisfies(o -> {
            assertThat(o.statusName()).isEqualTo("ORDER_STATUS_FILLED");
            assertThat(o.serverOrderId()).isEqualTo("S9");
            assertThat(o.filledQuantity()).isEqualTo(2);
            assertThat(o.remainingQuantity()).isZero();
            assertThat(o.averageFillPrice()).isEqualTo(99.875);
            assertThat(o.infoText()).contains("ServerOrderID S9").contains("only unattributed fills that fit");
        });
        assertThat(lost.fills()).extracting(Fill::executionId).containsExactly("E9-1", "E9-2");
        assertThat(fills).as("each fill heard once, when it arrived").extracting(Fill::executionId).containsExactly("E9-1", "E9-2");
        assertThat(client.positions().position("", "ES").quantity()).isEqualTo(2);
        assertThat(client.orderBook().byServerOrderId("S9")).isPresent();
    }

    @Test
    void shouldLeaveTwoOrdersTheFillsFitEquallyOrderSentAndSayWhy() {
        server = new FakeServer(answersReconciliation(request -> List.of(
                historicalFill(request, 1, 1, "S9", "E9", "SELL", 1, 100))));
        client = connect(DtcClientConfig.builder());
        OrderHandle first = client.submit(OrderRequest.market("ES", Side.SELL, 1));
        OrderHandle second = client.submit(OrderRequest.market("ES", Side.SELL, 1));
        await().atMost(WAIT).until(() -> server.received("SUBMIT_NEW_SINGLE_ORDER").size() == 2);

        server.dropClients();

        await().atMost(WAIT).until(() -> client.reconciliations() == 1);
        assertThat(List.of(first.current(), second.current())).extracting(Order::statusName)
                .containsOnly("ORDER_STATUS_ORDER_SENT");
        assertThat(client.problems().recent()).filteredOn(line -> line.contains("stays ORDER_SENT")).hasSize(2)
                .allMatch(line -> line.contains("S9") && line.contains("will not guess"));
        assertThat(client.orderBook().ledger().contains("E9")).as("the fill is counted all the same").isTrue();
    }

    @Test
    void shouldNotJudgeAnOrderWrittenOnTheNewConnectionAfterTheOpenOrdersRequest() {
        server = new FakeServer(answersReconciliation(request -> List.of()));
        client = connect(DtcClientConfig.builder().offlineOrders(OfflineOrders.queueUpTo(5)));
        server.hangUpOnConnect(true);
        server.dropClients();
        await().atMost(WAIT).until(() -> !client.isLoggedOn());
        OrderHandle queued = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100));

        server.hangUpOnConnect(false);

        await().atMost(WAIT).until(() -> client.reconciliations() >= 1 && !server.received("SUBMIT_NEW_SINGLE_ORDER").isEmpty());
        assertThat(queued.current().statusName()).as("sent after the 300: may be working, so not judged")
                .isEqualTo("ORDER_STATUS_ORDER_SENT");
    }

    private DtcClient connect(DtcClientConfig.Builder config) {
        DtcClient c = new DtcClient(config.port(server.port()).reconnect(FAST).build());
        client = c;
        c.connect();
        return c;
    }

    /** Takes orders without a word; answers no open orders, and the given fills (or none). */
    private static FakeServer.Behaviour answersReconciliation(Function<DtcMessage, List<DtcMessage>> fills) {
        return (m, peer) -> {
            if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("TotalNumMessages", 1)
                        .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("NoOrders", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                List<DtcMessage> answer = fills.apply(m);
                if (answer.isEmpty()) {
                    peer.send(DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", m.getLong("RequestID"))
                            .set("TotalNumberMessages", 1).set("MessageNumber", 1).set("NoOrderFills", 1));
                }
                answer.forEach(peer::send);
            }
        };
    }

    private static DtcMessage historicalFill(DtcMessage request, int number, int total, String serverOrderId,
                                             String executionId, String side, double quantity, double price) {
        return DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", request.getLong("RequestID"))
                .set("TotalNumberMessages", total).set("MessageNumber", number).set("Symbol", "ES")
                .set("ServerOrderID", serverOrderId).setEnum("BuySell", side).set("Price", price).set("Quantity", quantity)
                .set("UniqueExecutionID", executionId).set("DateTime", 1_764_000_000L);
    }
}
