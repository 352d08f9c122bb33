package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.ConnectionEvent.State;
import dev.dtcharness.client.track.FillDetector;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ReconnectPolicy FAST = ReconnectPolicy.backoff(Duration.ofMillis(20), Duration.ofMillis(200), 4);

    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    private FakeServer server;
    private FakeServer other;
    private DtcClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        for (FakeServer s : new FakeServer[] {server, other}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void shouldReconnectAndMergeMissedFillsByExecutionIdAfterTheServerDrops() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1"));
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("TotalNumMessages", 1)
                        .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("NoOrders", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                // E1 was seen live; E2 happened while the client was away.
                peer.send(historicalFill(m, 1, "E1", 100));
                peer.send(historicalFill(m, 2, "E2", 102));
            }
        });
        client = connect(DtcClientConfig.builder().tradeAccount("ACC1"));
        List<Fill> heard = new CopyOnWriteArrayList<>();
        client.onFill((f, o) -> heard.add(f));
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100).withTradeAccount("ACC1"));
        order.awaitStatus("PARTIALLY_FILLED", WAIT);

        server.dropClients();

        Order filled = order.awaitStatus("FILLED", WAIT);
        assertThat(filled.filledQuantity()).isEqualTo(2);
        assertThat(filled.averageFillPrice()).isEqualTo(101);
        assertThat(order.fills()).extracting(Fill::executionId).containsExactly("E1", "E2");
        await().atMost(WAIT).until(() -> client.reconciliations() == 1);
        assertThat(heard).extracting(Fill::executionId).as("each fill heard once").containsExactly("E1", "E2");
        DtcMessage fillsRequest = server.received("HISTORICAL_ORDER_FILLS_REQUEST").get(0);
        assertThat(fillsRequest.getLong("NumberOfDays")).as("Sierra Chart rejects 0").isPositive();
        assertThat(fillsRequest.getString("TradeAccount")).isEqualTo("ACC1");
        assertThat(server.received("LOGON_REQUEST")).hasSize(2);
        assertThat(server.received("CURRENT_POSITIONS_REQUEST")).singleElement()
                .satisfies(m -> assertThat(m.getString("TradeAccount")).isEqualTo("ACC1"));
        assertThat(client.fillDetector().events(FillDetector.Kind.FILLED)).as("filled while away is still detected")
                .singleElement().satisfies(e -> assertThat(e.order().clientOrderId()).isEqualTo(order.clientOrderId()));
        assertThat(events).extracting(ConnectionEvent::state).containsSubsequence(State.CONNECTING, State.LOGGED_ON,
                State.DISCONNECTED, State.CONNECTING, State.LOGGED_ON);
        assertThat(client.isLoggedOn()).isTrue();
    }

    @Test
    void shouldEndAnOrderThatIsNoLongerOpenAfterReconnecting() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("TotalNumMessages", 1)
                        .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("NoOrders", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                peer.send(DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", m.getLong("RequestID"))
                        .set("TotalNumberMessages", 1).set("MessageNumber", 1).set("NoOrderFills", 1));
            }
        });
        client = connect(DtcClientConfig.builder());
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100));
        order.awaitStatus("OPEN", WAIT);

        server.dropClients();

        assertThat(order.terminal()).succeedsWithin(WAIT).satisfies(o -> {
            assertThat(o.statusName()).isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(o.infoText()).contains("not among the server's open orders");
        });
    }

    @Test
    void shouldLeaveOrdersAloneAndWarnWhenTheServerRefusesToReconcile() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("OPEN_ORDERS_REJECT").set("RequestID", m.getLong("RequestID")).set("RejectText", "busy"));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                peer.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REJECT").set("RequestID", m.getLong("RequestID"))
                        .set("RejectText", "TradeAccount is not set"));
            }
        });
        client = connect(DtcClientConfig.builder());
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100));
        order.awaitStatus("OPEN", WAIT);

        server.dropClients();

        await().atMost(WAIT).until(() -> client.reconciliations() == 1);
        assertThat(order.current().statusName()).as("nothing known about it: left as it was").isEqualTo("ORDER_STATUS_OPEN");
        assertThat(client.problems().recent()).anySatisfy(p -> assertThat(p).contains("refused the open-orders request: busy"))
                .anySatisfy(p -> assertThat(p).contains("refused the historical-fills request: TradeAccount is not set"));
    }

    @Test
    void shouldTakeAResetConnectionAsAWarningAndComeBack() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder());
        long warningsBefore = client.problems().warningCount();

        server.resetClients();

        await().atMost(WAIT).until(() -> server.connections() == 2 && client.isLoggedOn());
        assertThat(client.problems().errorCount()).as("a reset is what reconnecting is for, not an error").isZero();
        assertThat(client.problems().warningCount()).isGreaterThan(warningsBefore);
    }

    @Test
    void shouldGiveUpWhenTheServerLogsOffWithDoNotReconnect() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder());

        server.push(DtcMessage.of("LOGOFF").set("Reason", "maintenance").set("DoNotReconnect", 1));

        await().atMost(WAIT).untilAsserted(() -> assertThat(events).last()
                .satisfies(e -> assertThat(e.state()).isEqualTo(State.GAVE_UP))
                .satisfies(e -> assertThat(e.cause()).contains("maintenance")));
        assertThat(server.connections()).isEqualTo(1);
        assertThat(client.problems().errorCount()).as("giving up is an error").isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnLogonErrorNoReconnect() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder());
        server.nextLogonAnswer(DtcMessage.of("LOGON_RESPONSE").setEnum("Result", "LOGON_ERROR_NO_RECONNECT")
                .set("ResultText", "account disabled"));

        server.dropClients();

        await().atMost(WAIT).until(() -> client.connectionState() == State.GAVE_UP);
        assertThat(events).last().extracting(ConnectionEvent::cause).asString().contains("account disabled");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldMoveToTheAddressTheServerGives() {
        other = new FakeServer((m, peer) -> { });
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder());
        server.nextLogonAnswer(DtcMessage.of("LOGON_RESPONSE").setEnum("Result", "LOGON_RECONNECT_NEW_ADDRESS")
                .set("ReconnectAddress", "127.0.0.1:" + other.port()));

        server.dropClients();

        await().atMost(WAIT).until(() -> other.received("LOGON_REQUEST").size() == 1 && client.isLoggedOn());
        assertThat(client.address()).isEqualTo("127.0.0.1:" + other.port());
    }

    @Test
    void shouldBackOffAndGiveUpAfterTheAllowedAttempts() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder());
        server.hangUpOnConnect(true);

        server.dropClients();

        await().atMost(WAIT).until(() -> client.connectionState() == State.GAVE_UP);
        assertThat(server.connections()).as("the first connection, then 4 attempts").isEqualTo(5);
        assertThat(events).filteredOn(e -> e.state() == State.CONNECTING).extracting(ConnectionEvent::attempt)
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldRefuseOrdersWhileReconnectingByDefault() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder().reconnect(ReconnectPolicy.backoff(Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1)));

        server.dropClients();
        await().atMost(WAIT).until(() -> !client.isLoggedOn());

        assertThatThrownBy(() -> client.submit(OrderRequest.market("ES", Side.BUY, 1)))
                .isInstanceOf(DtcClientException.class).hasMessageContaining("reconnecting");
        assertThat(client.orderBook().all()).isEmpty();
    }

    @Test
    void shouldSendOrdersQueuedWhileReconnectingOnceLoggedOnAgain() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcClientConfig.builder().offlineOrders(OfflineOrders.queueUpTo(1))
                .connectTimeout(Duration.ofMillis(500)));
        server.answerLogon(false);
        server.dropClients();
        await().atMost(WAIT).until(() -> !client.isLoggedOn() && server.received("LOGON_REQUEST").size() >= 2);

        OrderHandle queued = client.submit(OrderRequest.limit("ES", Side.SELL, 1, 100));
        assertThatThrownBy(() -> client.submit(OrderRequest.limit("ES", Side.SELL, 1, 101)))
                .isInstanceOf(DtcClientException.class).hasMessageContaining("queue of 1 message(s)");
        server.answerLogon(true);

        await().atMost(WAIT).until(() -> server.received("SUBMIT_NEW_SINGLE_ORDER").size() == 1);
        assertThat(server.received("SUBMIT_NEW_SINGLE_ORDER").get(0).getString("ClientOrderID"))
                .isEqualTo(queued.clientOrderId());
        assertThat(client.isLoggedOn()).isTrue();
    }

    private DtcClient connect(DtcClientConfig.Builder config) {
        DtcClientConfig built = config.port(server.port()).reconnect(config.build().recovery().reconnect() == ReconnectPolicy.DEFAULT
                ? FAST : config.build().recovery().reconnect()).build();
        DtcClient c = new DtcClient(built);
        c.onConnection(events::add);
        client = c;
        c.connect();
        return c;
    }

    private static DtcMessage historicalFill(DtcMessage request, int number, String executionId, double price) {
        return DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", request.getLong("RequestID"))
                .set("TotalNumberMessages", 2).set("MessageNumber", number).set("Symbol", "ES").set("ServerOrderID", "S1")
                .setEnum("BuySell", "BUY").set("Price", price).set("Quantity", 1).set("UniqueExecutionID", executionId)
                .set("TradeAccount", "ACC1").set("DateTime", 1_764_000_000L);
    }
}
