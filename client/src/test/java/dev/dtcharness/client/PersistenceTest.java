package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.store.TradeLog;
import dev.dtcharness.client.track.FillDetector;
import dev.dtcharness.protocol.DtcMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    @Test
    void shouldKeepEveryFillExactlyOnceAcrossARestart() throws Exception {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER") && m.getDouble("Quantity") == 2) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
                DtcMessage first = fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1");
                peer.send(first);
                peer.send(first.copy());
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 102, "E2").set("LastFillQuantity", 1));
            } else if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S2", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                DtcMessage restated = DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID"))
                        .set("TotalNumMessages", 1).set("MessageNumber", 1).set("ServerOrderID", "S2").set("Symbol", "ES")
                        .setEnum("OrderStatus", "ORDER_STATUS_OPEN").setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE")
                        .set("OrderQuantity", 5).set("FilledQuantity", 0).set("RemainingQuantity", 5);
                peer.send(restated);
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                for (String id : List.of("E1", "E2")) {
                    peer.send(DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", m.getLong("RequestID"))
                            .set("TotalNumberMessages", 2).set("MessageNumber", id.equals("E1") ? 1 : 2).set("Symbol", "ES")
                            .set("ServerOrderID", "S1").setEnum("BuySell", "BUY").set("Price", id.equals("E1") ? 100 : 102).set("Quantity", 1)
                            .set("UniqueExecutionID", id).set("TradeAccount", "Sim1"));
                }
            }
        });
        client = start(false);
        client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100)).awaitStatus("FILLED", WAIT);
        OrderHandle open = client.submit(OrderRequest.limit("ES", Side.BUY, 5, 90));
        open.awaitStatus("OPEN", WAIT);
        await().atMost(WAIT).until(() -> client.historyDatabase().updateCount() == 5);
        client.close();

        client = start(true);
        List<Fill> heardAfterRestart = new CopyOnWriteArrayList<>();
        client.onFill((f, o) -> heardAfterRestart.add(f));
        await().atMost(WAIT).until(() -> client.reconciliations() == 1);

        assertThat(client.orderBook().byClientOrderId(open.clientOrderId()))
                .hasValueSatisfying(o -> assertThat(o.statusName()).isEqualTo("ORDER_STATUS_OPEN"));
        assertThat(heardAfterRestart).as("no fill counted again after the restart").isEmpty();
        assertThat(client.problems().violationCount()).as("the fills the server restates are the ones it sent").isZero();
        assertThat(client.orderBook().ledger().size()).isEqualTo(2);
        assertThat(client.positions().position("Sim1", "ES").quantity()).isEqualTo(2);
        OrderHistoryDb db = client.historyDatabase();
        assertThat(db.fills()).extracting(Fill::executionId).containsExactly("E1", "E2");
        StateFile.State state = new StateFile(dir.resolve("state.json")).read();
        assertThat(state.openOrders()).extracting(Order::clientOrderId).containsExactly(open.clientOrderId());
        assertThat(state.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(2));

        Path csv = dir.resolve("trades.csv");
        assertThat(TradeLog.exportCsv(db, csv)).isEqualTo(2);
        assertThat(Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("execution_id,");
        assertThat(TradeLog.summarise(db)).singleElement().satisfies(s -> {
            assertThat(s.orders()).isEqualTo(2);
            assertThat(s.fills()).isEqualTo(2);
            assertThat(s.volume()).isEqualTo(2);
            assertThat(s.vwap()).isEqualTo(101);
        });
    }

    @Test
    void shouldDetectFillsAndCancelsOnce() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER") && m.enumName("OrderType").equals("ORDER_TYPE_MARKET")) {
                DtcMessage filled = fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 100, "E1");
                peer.send(filled);
                peer.send(filled.copy());
            } else if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S2", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } else if (m.is("CANCEL_ORDER")) {
                DtcMessage canceled = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S2")
                        .set("ClientOrderID", m.getString("ClientOrderID")).setEnum("OrderStatus", "ORDER_STATUS_CANCELED")
                        .setEnum("OrderUpdateReason", "ORDER_CANCELED");
                peer.send(canceled);
                peer.send(canceled.copy());
            }
        });
        client = start(false);

        client.submit(OrderRequest.market("ES", Side.BUY, 1)).awaitStatus("FILLED", WAIT);
        OrderHandle resting = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 90));
        resting.awaitStatus("OPEN", WAIT);
        client.cancel(resting.clientOrderId()).await(WAIT);

        await().during(Duration.ofMillis(200)).atMost(WAIT).untilAsserted(() -> assertThat(client.fillDetector().events())
                .extracting(FillDetector.Event::kind)
                .containsExactly(FillDetector.Kind.FILL, FillDetector.Kind.FILLED, FillDetector.Kind.CANCELED));
        assertThat(client.positions().position("Sim1", "ES").quantity()).isEqualTo(1);
    }

    @Test
    void shouldListInTheStateFileTheOrdersNotEndedOldestFirstAsItIsToldOfThem() {
        server = new FakeServer((m, peer) -> {
            if (!m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                return;
            }
            if (m.getDouble("Quantity") == 1) {
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 100, "E1"));
            } else if (m.getDouble("Quantity") == 5) {
                peer.send(update(m, "S3", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } // quantity 3: never answered, ORDER_SENT
        });
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).reconnect(ReconnectPolicy.NEVER)
                .stateFile(dir.resolve("state.json")).build());
        client.connect();

        client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100)).awaitStatus("FILLED", WAIT);
        OrderHandle unanswered = client.submit(OrderRequest.limit("ES", Side.BUY, 3, 95));
        OrderHandle working = client.submit(OrderRequest.limit("ES", Side.BUY, 5, 90));
        working.awaitStatus("OPEN", WAIT);

        await().atMost(WAIT).untilAsserted(() -> assertThat(new StateFile(dir.resolve("state.json")).read().openOrders())
                .as("sent and working, not the filled one, oldest first")
                .extracting(Order::clientOrderId, Order::statusName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(unanswered.clientOrderId(), "ORDER_STATUS_ORDER_SENT"),
                        org.assertj.core.groups.Tuple.tuple(working.clientOrderId(), "ORDER_STATUS_OPEN")));
    }

    private DtcClient start(boolean reconcile) {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.port()).reconnect(ReconnectPolicy.NEVER)
                .reconcileOnConnect(reconcile).stateFile(dir.resolve("state.json")).historyDatabase(dir.resolve("history.db"))
                .build());
        client = c;
        c.connect();
        return c;
    }
}
