package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTableTest {
    private final OrderTable table = new OrderTable(2);

    @Test
    void shouldKeepWorkingOrdersOldestFirstAndTheNewestFinishedOnes() {
        Order a = order("S1"), b = order("S2"), c = order("S3"), d = order("S4");
        List.of(a, b, c, d).forEach(table::addWorking);

        table.finish(b);
        table.finish(a);
        table.finish(d);
        table.finish(d);

        assertThat(ids(table.working())).containsExactly("S3");
        assertThat(ids(table.finished())).as("the oldest finished one aged out").containsExactly("S1", "S4");
        assertThat(table.any("S2")).isNull();
        assertThat(table.any("S1")).isSameAs(a);
        assertThat(table.working("S1")).as("finished, so not working").isNull();
        assertThat(table.working("S3")).isSameAs(c);
    }

    @Test
    void shouldKnowAReplacedOrderByItsNewIdOnlyAsTheNewestWorkingOrder() {
        Order a = order("S1"), b = order("S2");
        table.addWorking(a);
        table.addWorking(b);

        a.serverOrderId = "S9";
        table.renumber(a, "S1");

        assertThat(table.any("S1")).isNull();
        assertThat(table.working("S9")).isSameAs(a);
        assertThat(ids(table.working())).containsExactly("S2", "S9");
    }

    @Test
    void shouldLetARestoredOrderTakeThePlaceOfTheOneKnownUnderItsId() {
        Order working = order("S1");
        table.addWorking(working);
        Order restored = order("S1");
        restored.status = OrderStatus.FILLED;

        table.finish(restored);
        table.removeWorking("S1");

        assertThat(table.working()).isEmpty();
        assertThat(table.any("S1")).isSameAs(restored);
        assertThat(table.finished()).containsExactly(restored);

        table.clear();
        assertThat(table.any("S1")).isNull();
        assertThat(table.finished()).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheNewestFinishedOrdersHoweverManyPass() {
        OrderTable big = new OrderTable(100);
        List<Order> all = new java.util.ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            Order o = order("S" + i);
            all.add(o);
            big.addWorking(o);
            if (i % 7 != 0) {
                // Every seventh order stays working.
                big.finish(o);
            }
        }

        List<Order> finished = big.finished();
        assertThat(finished).hasSize(100);
        assertThat(finished.get(99)).isSameAs(all.get(4_999));
        assertThat(big.working()).hasSize(5_000 / 7);
        for (Order o : all) {
            boolean working = Integer.parseInt(o.serverOrderId.substring(1)) % 7 == 0;
            boolean kept = finished.contains(o);
            assertThat(big.any(o.serverOrderId)).as(o.serverOrderId).isSameAs(working || kept ? o : null);
        }
    }

    private static List<String> ids(List<Order> orders) {
        return orders.stream().map(o -> o.serverOrderId).toList();
    }

    private static Order order(String serverOrderId) {
        SubmitNewSingleOrder request = new SubmitNewSingleOrder().setClientOrderID("C-" + serverOrderId)
                .setSymbol("ES").setBuySell(BuySell.BUY).setOrderType(OrderType.LIMIT)
                .setPrice1(10.0).setQuantity(1.0);
        Order o = new Order(request, serverOrderId, 1, 0, 10);
        o.status = OrderStatus.OPEN;
        return o;
    }
}
