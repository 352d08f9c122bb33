package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtcClientTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldLogOnSubmitAndSeeTheOrderFilledInTheBook(DtcEncoding encoding) {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", m.getDouble("Quantity")),
                        m.getDouble("Price1"), "E1"));
            }
        });
        client = connect(encoding);

        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 4500.25));
        Order filled = order.awaitStatus("FILLED", WAIT);

        assertThat(filled.serverOrderId()).isEqualTo("S1");
        assertThat(filled.filledQuantity()).isEqualTo(2);
        assertThat(filled.remainingQuantity()).isZero();
        assertThat(filled.averageFillPrice()).isEqualTo(4500.25);
        assertThat(client.orderBook().byServerOrderId("S1")).contains(order.current());
        DtcMessage sent = server.received().stream().filter(m -> m.is("SUBMIT_NEW_SINGLE_ORDER")).findFirst().orElseThrow();
        assertThat(sent.type()).as("orders are type 208 in DTC v8").isEqualTo(208);
        assertThat(sent.getString("ClientOrderID")).isEqualTo(order.clientOrderId());
        assertThat(sent.enumName("BuySell")).isEqualTo("BUY");
        if (encoding == DtcEncoding.JSON_ENCODING) {
            assertThat(server.received().get(0).name()).as("negotiation first").isEqualTo("ENCODING_REQUEST");
        }
    }

    @Test
    void shouldAcceptAFirstUpdateThatIsAlreadyAFillMatchedByServerOrderIdAlone() {
        server = new FakeServer((m, peer) -> {
            // No ClientOrderID on the fill: DTC guarantees it only on some update reasons.
            DtcMessage first = update(m, "S9", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0);
            peer.send(first);
            DtcMessage fill = fill(update(m, "S9", "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 10, "E9");
            fill.set("ClientOrderID", null);
            peer.send(fill);
        });
        client = connect(DtcEncoding.BINARY_ENCODING);

        OrderHandle order = client.submit(OrderRequest.limit("NQ", Side.SELL, 1, 10));

        assertThat(order.awaitStatus("FILLED", WAIT).serverOrderId()).isEqualTo("S9");
        assertThat(client.orderBook().all()).hasSize(1);
    }

    @Test
    void shouldRouteOrderUpdatesToEveryListenerEvenWhenOneThrows() {
        server = new FakeServer((m, peer) -> peer.send(update(m, "S2", "ORDER_STATUS_REJECTED", "NEW_ORDER_REJECTED", 0)
                .set("InfoText", "no such symbol")));
        client = connect(DtcEncoding.BINARY_ENCODING);
        List<String> heard = new CopyOnWriteArrayList<>();
        client.onMessage("ORDER_UPDATE", m -> {
            throw new IllegalStateException("a broken listener");
        });
        client.onMessage("ORDER_UPDATE", m -> heard.add("message " + m.enumName("OrderStatus")));
        client.onOrderUpdate((order, m) -> heard.add("order " + order.statusName()));

        OrderHandle order = client.submit(OrderRequest.market("XX", Side.BUY, 1));

        assertThat(order.terminal()).succeedsWithin(WAIT).extracting(Order::infoText).isEqualTo("no such symbol");
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard)
                .containsExactly("order ORDER_STATUS_REJECTED", "message ORDER_STATUS_REJECTED"));
    }

    @Test
    void shouldFailToConnectWithTheServersWordsWhenLogonIsRefused() {
        server = new FakeServer((m, peer) -> { }).refuseLogon("bad password");
        assertThatThrownBy(() -> connect(DtcEncoding.BINARY_ENCODING))
                .isInstanceOf(DtcClientException.class)
                .hasMessageContaining("LOGON_ERROR").hasMessageContaining("bad password");
    }

    @Test
    void shouldGiveUpOnAServerThatNeverAnswersTheLogon() {
        server = new FakeServer((m, peer) -> { }).neverAnswerLogon();
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).connectTimeout(Duration.ofMillis(300)).build());
        assertThatThrownBy(client::connect).isInstanceOf(DtcClientException.class)
                .hasMessageContaining("no answer").hasMessageContaining("waiting for LOGON_RESPONSE");
    }

    @Test
    void shouldSayWhereItCouldNotConnect() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = new DtcClient(DtcClientConfig.builder().port(closedPort).build());
        assertThatThrownBy(client::connect).isInstanceOf(DtcClientException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void shouldRefuseToSubmitWhenNotLoggedOn() {
        client = new DtcClient(DtcClientConfig.builder().build());
        assertThatThrownBy(() -> client.submit(OrderRequest.limit("ES", Side.BUY, 1, 1)))
                .isInstanceOf(DtcClientException.class).hasMessageContaining("not logged on");
    }

    @Test
    void shouldAddAnOrderPlacedElsewhereToTheBook() {
        server = new FakeServer((m, peer) -> { });
        client = connect(DtcEncoding.JSON_ENCODING);
        List<Order> seen = new CopyOnWriteArrayList<>();
        client.onOrderUpdate((order, m) -> seen.add(order));

        DtcMessage elsewhere = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "X1").set("Symbol", "CL")
                .setEnum("OrderStatus", "ORDER_STATUS_OPEN").setEnum("OrderUpdateReason", "GENERAL_ORDER_UPDATE")
                .set("OrderQuantity", 3);
        server.push(elsewhere);

        await().atMost(WAIT).untilAsserted(() -> assertThat(client.orderBook().byServerOrderId("X1"))
                .hasValueSatisfying(o -> assertThat(o.symbol()).isEqualTo("CL")));
        assertThat(seen).hasSize(1);
    }

    private DtcClient connect(DtcEncoding encoding) {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.port()).encoding(encoding)
                .connectTimeout(Duration.ofSeconds(5)).build());
        client = c;
        c.connect();
        assertThat(c.isLoggedOn()).isTrue();
        return c;
    }

    static DtcMessage update(DtcMessage order, String serverOrderId, String status, String reason, double filled) {
        double quantity = order.getDouble("Quantity");
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", serverOrderId)
                .set("ClientOrderID", order.getString("ClientOrderID")).set("Symbol", order.getString("Symbol"))
                .setEnum("OrderStatus", status).setEnum("OrderUpdateReason", reason)
                .set("OrderQuantity", quantity).set("FilledQuantity", filled).set("RemainingQuantity", quantity - filled);
    }

    static DtcMessage fill(DtcMessage update, double price, String executionId) {
        return update.set("AverageFillPrice", price).set("LastFillPrice", price)
                .set("LastFillQuantity", update.getDouble("FilledQuantity")).set("LastFillExecutionID", executionId);
    }
}
