package dev.dtcharness.features.steps;

import static dev.dtcharness.features.support.Waits.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.features.support.ClientDriver;
import dev.dtcharness.features.support.TradingWorld;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Placing orders and checking what came back, in the words of the order-flow checklist. */
public class OrderSteps {
    private final ClientDriver client;
    private final TradingWorld world;

    public OrderSteps(ClientDriver client, TradingWorld world) {
        this.client = client;
        this.world = world;
    }

    @When("the client places a {side} {int} {word} limit order at {double}")
    public void theClientPlacesALimitOrder(Side side, int quantity, String symbol, double price) {
        world.placed(client.placeLimit(side, quantity, symbol, price));
    }

    @Then("an ORDER_UPDATE with OrderStatus {orderStatus} \\({int}) arrives for the order")
    public void anOrderUpdateArrives(String status, int code) {
        int expected = DtcSpec.v8().enumValue("OrderStatusEnum", status);
        assertThat(expected).as("DTC v8 value of %s", status).isEqualTo(code);
        SOON.alias(status + " update for " + world.lastOrder().clientOrderId())
                .untilAsserted(() -> assertThat(updatesOfTheOrder())
                        .extracting(u -> u.getInt("OrderStatus")).contains(expected));
    }

    @Then("the order book shows the order filled: {int} at {double}")
    public void theOrderBookShowsTheOrderFilled(int quantity, double price) {
        String id = world.lastOrder().clientOrderId();
        SOON.alias("order book fill for " + id).untilAsserted(() -> {
            Order order = client.client().orderBook().byClientOrderId(id).orElseThrow();
            assertThat(order.statusName()).isEqualTo("ORDER_STATUS_FILLED");
            assertThat(order.filledQuantity()).isEqualTo(quantity);
            assertThat(order.remainingQuantity()).isZero();
            assertThat(order.averageFillPrice()).isEqualTo(price);
        });
    }

    @Then("the order went through {orderStatuses}")
    public void theOrderWentThrough(List<String> statuses) {
        List<Integer> expected = statuses.stream().map(s -> DtcSpec.v8().enumValue("OrderStatusEnum", s)).toList();
        SOON.alias("status sequence of " + world.lastOrder().clientOrderId())
                .untilAsserted(() -> assertThat(updatesOfTheOrder())
                        .extracting(u -> u.getInt("OrderStatus")).containsExactlyElementsOf(expected));
    }

    /** Updates are matched by ServerOrderID: DTC guarantees ClientOrderID only on some update reasons. */
    private List<DtcMessage> updatesOfTheOrder() {
        String serverOrderId = world.lastOrder().current().serverOrderId();
        return client.orderUpdates().stream()
                .filter(u -> !u.getString("ServerOrderID").isEmpty() && u.getString("ServerOrderID").equals(serverOrderId))
                .toList();
    }
}
