package dev.dtcharness.client.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.client.internal.reconcile.UnansweredOrders.UnknownWorking;
import dev.dtcharness.client.internal.reconcile.UnansweredOrders.Verdicts;
import dev.dtcharness.protocol.spec.DtcSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnansweredOrdersTest {
    private static final int LIMIT = DtcSpec.v8().enumValue("OrderTypeEnum", "ORDER_TYPE_LIMIT");
    private static final int MARKET = DtcSpec.v8().enumValue("OrderTypeEnum", "ORDER_TYPE_MARKET");

    @Test
    void shouldCallAnOrderNobodyCouldHaveFilledNeverReceived() {
        Verdicts v = UnansweredOrders.judge(List.of(buyLimit("C1", 2, 100)), List.of(), List.of());

        assertThat(v.neverReceived()).containsExactly("C1");
        assertThat(v.serverOrderIdByClientOrderId()).isEmpty();
        assertThat(v.undecided()).isEmpty();
    }

    @Test
    void shouldAttributeTheOnlyFillsThatFitToTheOnlyOrderTheyFit() {
        Verdicts v = UnansweredOrders.judge(List.of(buyLimit("C1", 2, 100), sell("C2", 1)),
                List.of(fill("S7", "E1", Side.BUY, 1, 100), fill("S7", "E2", Side.BUY, 1, 99.5)), List.of());

        assertThat(v.serverOrderIdByClientOrderId()).isEqualTo(Map.of("C1", "S7"));
        assertThat(v.neverReceived()).containsExactly("C2");
    }

    @Test
    void shouldNotAttributeFillsThatDoNotFit() {
        List<Order> inDoubt = List.of(buyLimit("C1", 2, 100));

        assertThat(UnansweredOrders.judge(inDoubt, List.of(fill("S7", "E1", Side.SELL, 1, 100)), List.of()).neverReceived())
                .as("other side").containsExactly("C1");
        assertThat(UnansweredOrders.judge(inDoubt, List.of(fill("S7", "E1", Side.BUY, 3, 100)), List.of()).neverReceived())
                .as("more than the order's quantity").containsExactly("C1");
        assertThat(UnansweredOrders.judge(inDoubt, List.of(fill("S7", "E1", Side.BUY, 1, 100.25)), List.of()).neverReceived())
                .as("above a buy limit").containsExactly("C1");
    }

    @Test
    void shouldLeaveOrdersTheSameFillsFitUndecided() {
        Verdicts v = UnansweredOrders.judge(List.of(sell("C1", 1), sell("C2", 2)),
                List.of(fill("S7", "E1", Side.SELL, 1, 100)), List.of());

        assertThat(v.undecided()).containsOnlyKeys("C1", "C2");
        assertThat(v.undecided().get("C1")).contains("S7");
        assertThat(v.serverOrderIdByClientOrderId()).isEmpty();
        assertThat(v.neverReceived()).isEmpty();
    }

    @Test
    void shouldLeaveAnOrderUndecidedWhenTwoFillGroupsFitIt() {
        Verdicts v = UnansweredOrders.judge(List.of(sell("C1", 2)),
                List.of(fill("S7", "E1", Side.SELL, 1, 100), fill("S8", "E2", Side.SELL, 1, 100)), List.of());

        assertThat(v.undecided()).containsOnlyKeys("C1");
    }

    @Test
    void shouldNeitherAttributeNorEndWhenAFillWithoutServerOrderIdOrAnUnknownWorkingOrderMayBeIt() {
        assertThat(UnansweredOrders.judge(List.of(sell("C1", 1)), List.of(fill("", "sod", Side.SELL, 1, 100)), List.of())
                .undecided()).containsOnlyKeys("C1");
        assertThat(UnansweredOrders.judge(List.of(sell("C1", 1)), List.of(),
                List.of(new UnknownWorking("SIM1", "ES", "SELL"))).undecided()).containsOnlyKeys("C1");
    }

    private static Order buyLimit(String clientOrderId, double quantity, double price) {
        return sent(clientOrderId, Side.BUY, LIMIT, quantity, price);
    }

    private static Order sell(String clientOrderId, double quantity) {
        return sent(clientOrderId, Side.SELL, MARKET, quantity, Double.NaN);
    }

    private static Order sent(String clientOrderId, Side side, int type, double quantity, double price) {
        return new Order(clientOrderId, "", "ES", "", "SIM1", side, type, price, quantity, 0, quantity, Double.NaN,
                Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0);
    }

    private static Fill fill(String serverOrderId, String executionId, Side side, double quantity, double price) {
        return new Fill(executionId, serverOrderId, "", "ES", "SIM1", side, quantity, price, 0, "HISTORICAL_ORDER_FILL_RESPONSE");
    }
}
