package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store keeps an order's status as the spec names it (or NEW), as files written before the status
 * was an enum do: each name comes back as its constant, and a name that is none is refused, so the
 * store skips that event instead of restoring an order in a state the exchange cannot have.
 */
class StoredOrderTest {

    @Test
    void shouldKeepTheStatusByItsSpecNameAndBringItBack() {
        Order o = new Order(new SubmitNewSingleOrder().setClientOrderID("C-1").setSymbol("ES").setTradeAccount("Sim1")
                .setBuySell(BuySell.SELL).setOrderType(OrderType.LIMIT).setPrice1(4500.25).setQuantity(3),
                "S7", 1, 1_000, 4500);
        assertThat(StoredOrder.of(o).status()).isEqualTo("NEW");
        o.status = OrderStatus.PARTIALLY_FILLED;
        o.filled = 1;

        StoredOrder stored = StoredOrder.of(o);
        Order back = stored.toOrder(4500);

        assertThat(stored.status()).isEqualTo("ORDER_STATUS_PARTIALLY_FILLED");
        assertThat(stored.requestName()).isEqualTo("SUBMIT_NEW_SINGLE_ORDER");
        assertThat(back.status).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(back.isWorking()).isTrue();
        assertThat(back.buy).isFalse();
        assertThat(back.price1).isEqualTo(4500.25);
        assertThat(back.filled).isEqualTo(1);
        assertThat(stored(Map.of("ClientOrderID", "C-2"), "NEW").toOrder(10).isNew()).isTrue();
        assertThat(stored(Map.of("ClientOrderID", "C-3"), "ORDER_STATUS_FILLED").toOrder(10).status)
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void shouldRefuseAStatusTheSpecDoesNotName() {
        assertThatThrownBy(() -> stored(Map.of("ClientOrderID", "C-4"), "ORDER_STATUS_HALF_DONE").toOrder(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDER_STATUS_HALF_DONE");
    }

    @Test
    void shouldRefuseARequestThatIsNoSingleOrder() {
        assertThatThrownBy(() -> new StoredOrder("CANCEL_ORDER", Map.of(), "S9", "", "", 0, 1, 0, 0, 0, 0, 0,
                "ORDER_STATUS_OPEN", 0).toOrder(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CANCEL_ORDER");
    }

    private static StoredOrder stored(Map<String, Object> request, String status) {
        return new StoredOrder("SUBMIT_NEW_SINGLE_ORDER", request, "S8", "", "", 0, 1, 0, 0, 0, 0, 0, status, 0);
    }
}
