package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderActionsTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldCancelAWorkingOrder() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_ORDER")) {
                peer.send(cancelAnswer(m, "ORDER_STATUS_PENDING_CANCEL", "GENERAL_ORDER_UPDATE"));
                peer.send(cancelAnswer(m, "ORDER_STATUS_CANCELED", "ORDER_CANCELED"));
            }
        });
        OrderHandle order = submitOpen();

        ActionResult result = client.cancel(order.clientOrderId()).await(WAIT);

        assertThat(result.accepted()).isTrue();
        assertThat(result.order().statusName()).isEqualTo("ORDER_STATUS_CANCELED");
        DtcMessage sent = server.received("CANCEL_ORDER").get(0);
        assertThat(sent.type()).isEqualTo(203);
        assertThat(sent.getString("ServerOrderID")).isEqualTo("S1");
        assertThat(sent.getString("ClientOrderID")).isEqualTo(order.clientOrderId());
    }

    @Test
    void shouldWaitForAStatusNamedByTheSpecsConstant() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_ORDER")) {
                peer.send(cancelAnswer(m, "ORDER_STATUS_CANCELED", "ORDER_CANCELED"));
            }
        });
        OrderHandle order = submitOpen();
        assertThat(order.awaitStatus(OrderStatus.OPEN, WAIT).orderStatus()).isEqualTo(OrderStatus.OPEN);

        client.cancel(order.clientOrderId()).await(WAIT);

        assertThat(order.awaitStatus(OrderStatus.CANCELED, WAIT).orderStatus()).isEqualTo(OrderStatus.CANCELED);
        assertThatThrownBy(() -> order.awaitStatus(OrderStatus.FILLED, WAIT))
                .hasMessageContaining("ORDER_STATUS_CANCELED");
    }

    @Test
    void shouldLeaveTheOrderAloneWhenItIsTooLateToCancel() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_ORDER")) {
                peer.send(cancelAnswer(m, "ORDER_STATUS_REJECTED", "ORDER_CANCEL_REJECTED").set("InfoText", "too late to cancel"));
            }
        });
        OrderHandle order = submitOpen();

        ActionResult result = client.cancel(order.clientOrderId()).await(WAIT);

        assertThat(result.accepted()).isFalse();
        assertThat(result.text()).isEqualTo("too late to cancel");
        assertThat(order.current().statusName()).isEqualTo("ORDER_STATUS_OPEN");
        assertThat(order.terminal()).isNotDone();
    }

    @Test
    void shouldAnswerACancelOvertakenByAFill() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_ORDER")) {
                DtcMessage filled = cancelAnswer(m, "ORDER_STATUS_FILLED", "ORDER_FILLED").set("FilledQuantity", 2)
                        .set("RemainingQuantity", 0);
                peer.send(fill(filled, 100, "E1").set("LastFillQuantity", 2));
            }
        });
        OrderHandle order = submitOpen();

        ActionResult result = client.cancel(order.clientOrderId()).await(WAIT);

        assertThat(result.accepted()).isFalse();
        assertThat(result.text()).contains("ended ORDER_STATUS_FILLED");
    }

    @Test
    void shouldReplaceAnOrderThatGetsANewServerOrderId() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_REPLACE_ORDER")) {
                peer.send(cancelAnswer(m, "ORDER_STATUS_OPEN", "ORDER_CANCEL_REPLACE_COMPLETE").set("ServerOrderID", "S2")
                        .set("PreviousServerOrderID", "S1").set("Price1", m.getDouble("Price1")).set("OrderQuantity", 2));
            }
        });
        OrderHandle order = submitOpen();

        ActionResult result = client.replace(order.clientOrderId(), OrderChange.price(99.5)).await(WAIT);

        assertThat(result.accepted()).isTrue();
        assertThat(order.current().serverOrderId()).isEqualTo("S2");
        assertThat(order.current().price1()).isEqualTo(99.5);
        DtcMessage sent = server.received("CANCEL_REPLACE_ORDER").get(0);
        assertThat(sent.type()).isEqualTo(204);
        assertThat(sent.getLong("Price1IsSet")).isEqualTo(1);
        assertThat(sent.getLong("Price2IsSet")).as("an unchanged price must say so").isZero();
        assertThat(client.orderBook().all()).hasSize(1);
    }

    @Test
    void shouldReportARejectedReplaceAndKeepTheOrderWorking() {
        server = exchange((m, peer) -> {
            if (m.is("CANCEL_REPLACE_ORDER")) {
                peer.send(cancelAnswer(m, "ORDER_STATUS_OPEN", "ORDER_CANCEL_REPLACE_REJECTED").set("InfoText", "price out of band"));
            }
        });
        OrderHandle order = submitOpen();

        ActionResult result = client.replace(order.clientOrderId(), OrderChange.quantity(5)).await(WAIT);

        assertThat(result.accepted()).isFalse();
        assertThat(result.text()).isEqualTo("price out of band");
        assertThat(order.current().statusName()).isEqualTo("ORDER_STATUS_OPEN");
        assertThat(server.received("CANCEL_REPLACE_ORDER").get(0).getDouble("Quantity")).isEqualTo(5);
    }

    @Test
    void shouldSubmitAnOcoPairAndFollowEachLeg() {
        server = exchange((m, peer) -> {
            if (m.is("SUBMIT_NEW_OCO_ORDER")) {
                peer.send(leg(m, "_1", "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED"));
                peer.send(leg(m, "_2", "S2", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED"));
                peer.send(fill(leg(m, "_1", "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED").set("FilledQuantity", 1), 110, "E1"));
                peer.send(leg(m, "_2", "S2", "ORDER_STATUS_CANCELED", "ORDER_CANCELED"));
            }
        });
        client = connect();

        OcoOrder oco = client.submitOco(OrderRequest.limit("ES", Side.SELL, 1, 110), OrderRequest.limit("ES", Side.SELL, 1, 90));

        assertThat(oco.first().awaitStatus("FILLED", WAIT).serverOrderId()).isEqualTo("S1");
        assertThat(oco.second().awaitStatus("CANCELED", WAIT).serverOrderId()).isEqualTo("S2");
        DtcMessage sent = server.received("SUBMIT_NEW_OCO_ORDER").get(0);
        assertThat(sent.type()).isEqualTo(201);
        assertThat(sent.getString("ClientOrderID_1")).isEqualTo(oco.first().clientOrderId());
        assertThat(sent.getDouble("Price1_2")).isEqualTo(90);
        assertThatThrownBy(() -> client.submitOco(OrderRequest.market("ES", Side.BUY, 1), OrderRequest.market("NQ", Side.BUY, 1)))
                .isInstanceOf(DtcClientException.class).hasMessageContaining("share one Symbol");
    }

    @Test
    void shouldFlattenAPositionAndFollowTheServersOrder() {
        server = exchange((m, peer) -> {
            if (m.is("SUBMIT_FLATTEN_POSITION_ORDER")) {
                DtcMessage u = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "F1").set("ClientOrderID", m.getString("ClientOrderID"))
                        .set("Symbol", m.getString("Symbol")).setEnum("BuySell", "SELL").set("OrderQuantity", 3)
                        .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "ORDER_FILLED")
                        .set("FilledQuantity", 3).set("RemainingQuantity", 0);
                peer.send(fill(u, 101, "EF").set("LastFillQuantity", 3));
            }
        });
        client = connect();

        OrderHandle flat = client.flatten("ES", null);

        Order filled = flat.awaitStatus("FILLED", WAIT);
        assertThat(filled.side()).isEqualTo(Side.SELL);
        assertThat(filled.filledQuantity()).isEqualTo(3);
        DtcMessage sent = server.received("SUBMIT_FLATTEN_POSITION_ORDER").get(0);
        assertThat(sent.type()).isEqualTo(209);
        assertThat(sent.getString("TradeAccount")).isEqualTo("Sim1");
    }

    @Test
    void shouldSayWhichOrderItCannotCancel() {
        server = exchange((m, peer) -> { });
        client = connect();

        assertThatThrownBy(() -> client.cancel("NOPE")).isInstanceOf(DtcClientException.class)
                .hasMessageContaining("no order with ClientOrderID NOPE");
    }

    private FakeServer exchange(FakeServer.Behaviour more) {
        return new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
            } else {
                more.accept(m, peer);
            }
        });
    }

    private OrderHandle submitOpen() {
        client = connect();
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100));
        order.awaitStatus("OPEN", WAIT);
        return order;
    }

    private DtcClient connect() {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.port()).reconnect(ReconnectPolicy.NEVER).build());
        client = c;
        c.connect();
        return c;
    }

    private static DtcMessage cancelAnswer(DtcMessage request, String status, String reason) {
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", request.getString("ServerOrderID"))
                .set("ClientOrderID", request.getString("ClientOrderID")).set("Symbol", "ES")
                .setEnum("OrderStatus", status).setEnum("OrderUpdateReason", reason);
    }

    private static DtcMessage leg(DtcMessage oco, String suffix, String serverOrderId, String status, String reason) {
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", serverOrderId)
                .set("ClientOrderID", oco.getString("ClientOrderID" + suffix)).set("Symbol", oco.getString("Symbol"))
                .setEnum("OrderStatus", status).setEnum("OrderUpdateReason", reason).set("OrderQuantity", 1)
                .set("OCOLinkedOrderServerOrderID", serverOrderId.equals("S1") ? "S2" : "S1");
    }
}
