package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whoever asks gets the answer: a cancel or replace sent on one session for an order placed on
 * another is answered to the session that asked, and the order's own session still gets its
 * update; one naming another TradeAccount than the order's is refused, to the asker alone.
 */
class CrossSessionOrdersAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .tradeAccounts("Sim1", "Sim2").fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    private WireClient client() {
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }

    /** The order placed on {@code owner}, resting: its ServerOrderID. */
    private static String placed(WireClient owner, String clientOrderId) {
        owner.send(limitOrder(clientOrderId, "BUY", 2, 4400));
        DtcMessage accepted = owner.receive("ORDER_UPDATE");
        assertThat(accepted.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_ACCEPTED");
        return accepted.getString("ServerOrderID");
    }

    @Test
    void shouldAnswerACancelFromAnotherSessionToTheAskerAndTellTheOwner() {
        try (WireClient owner = client(); WireClient asker = client()) {
            String id = placed(owner, "X-1");
            asker.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", id).set("TradeAccount", "Sim1"));

            DtcMessage answer = asker.receive("ORDER_UPDATE");
            assertThat(answer.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCELED");
            assertThat(answer.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(answer.getString("ServerOrderID")).isEqualTo(id);
            DtcMessage told = owner.receive("ORDER_UPDATE");
            assertThat(told.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCELED");
            assertThat(told.getString("ClientOrderID")).isEqualTo("X-1");
            assertThat(simulator.exchange().workingOrders()).isEmpty();
        }
    }

    @Test
    void shouldAnswerAReplaceFromAnotherSessionToTheAskerAndTellTheOwner() {
        try (WireClient owner = client(); WireClient asker = client()) {
            String id = placed(owner, "X-2");
            asker.send(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", id).set("Price1", 4390.25)
                    .set("Quantity", 3).set("Price2IsSet", 0));

            DtcMessage answer = asker.receive("ORDER_UPDATE");
            assertThat(answer.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_COMPLETE");
            assertThat(answer.getString("PreviousServerOrderID")).isEqualTo(id);
            assertThat(answer.getDouble("Price1")).isEqualTo(4390.25);
            assertThat(answer.getDouble("OrderQuantity")).isEqualTo(3);
            DtcMessage told = owner.receive("ORDER_UPDATE");
            assertThat(told.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_COMPLETE");
            assertThat(told.getString("ServerOrderID")).isEqualTo(answer.getString("ServerOrderID"));

            // Later updates of the order, a fill, are the owner's: the asker asked once.
            simulator.exchange().fill(answer.getString("ServerOrderID"));
            assertThat(owner.receive("ORDER_UPDATE").getInt("OrderStatus")).isEqualTo(7);
            assertThat(asker.nothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void shouldRefuseACancelOrReplaceNamingAnotherTradeAccountThanTheOrders() {
        try (WireClient owner = client(); WireClient asker = client()) {
            String id = placed(owner, "X-3");
            asker.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", id).set("TradeAccount", "Sim2"));
            DtcMessage cancel = asker.receive("ORDER_UPDATE");
            assertThat(cancel.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REJECTED");
            assertThat(cancel.enumName("OrderStatus")).as("the order keeps working").isEqualTo("ORDER_STATUS_OPEN");
            assertThat(cancel.getString("InfoText")).contains("TradeAccount Sim2 is not the order's (Sim1)");

            owner.send(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", id).set("ClientOrderID", "X-3")
                    .set("TradeAccount", "Elsewhere").set("Quantity", 5).set("Price1IsSet", 0).set("Price2IsSet", 0));
            DtcMessage replace = owner.receive("ORDER_UPDATE");
            assertThat(replace.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_REJECTED");
            assertThat(replace.getString("InfoText")).contains("TradeAccount Elsewhere is not the order's (Sim1)");

            assertThat(simulator.exchange().workingOrder("X-3").quantity()).as("unchanged").isEqualTo(2);
            assertThat(owner.nothingWithin(Duration.ofMillis(300))).as("the owner hears of no refused cancel").isTrue();
        }
    }
}
