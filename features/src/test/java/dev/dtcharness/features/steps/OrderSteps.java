package dev.dtcharness.features.steps;

import static dev.dtcharness.features.support.Waits.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.features.support.ClientDriver;
import dev.dtcharness.features.support.TradingWorld;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.client.ActionResult;
import dev.dtcharness.client.OrderChange;
import io.cucumber.java.en.Then;
import java.time.Duration;
import io.cucumber.java.en.When;
import java.util.List;

/** Placing orders and checking what came back, in the words of the order-flow checklist. */
public class OrderSteps {
    private static final Duration WAIT = Duration.ofSeconds(10);

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

    @When("the client places {int} {side} {int} {word} limit orders at {double}")
    public void theClientPlacesSeveralLimitOrders(int count, Side side, int quantity, String symbol, double price) {
        for (int i = 0; i < count; i++) {
            world.placed(client.placeLimit(side, quantity, symbol, price));
        }
    }

    @Then("all {int} orders are FILLED")
    public void allOrdersAreFilled(int count) {
        assertThat(world.orders()).hasSize(count);
        world.orders().forEach(o -> o.awaitStatus("FILLED", WAIT));
    }

    @When("the order is OPEN")
    public void theOrderIsOpen() {
        Order open = world.lastOrder().awaitStatus("OPEN", WAIT);
        world.rememberServerOrderId(open.serverOrderId());
    }

    @When("the client cancels the order")
    public void theClientCancelsTheOrder() {
        world.acted(client.client().cancel(world.lastOrder().clientOrderId()));
    }

    @When("the client modifies the order to {int} at {double}")
    public void theClientModifiesTheOrder(int quantity, double price) {
        world.acted(client.client().replace(world.lastOrder().clientOrderId(),
                OrderChange.quantity(quantity).withPrice(price)));
    }

    @Then("the order ends CANCELED")
    public void theOrderEndsCanceled() {
        assertThat(world.lastAction().await(WAIT).accepted()).as("cancel accepted").isTrue();
        assertThat(world.lastOrder().terminal()).succeedsWithin(WAIT)
                .extracting(Order::statusName).isEqualTo("ORDER_STATUS_CANCELED");
    }

    @Then("the order is OPEN with quantity {int} at {double}")
    public void theOrderIsOpenWith(int quantity, double price) {
        ActionResult result = world.lastAction().await(WAIT);
        assertThat(result.accepted()).as("modify accepted: %s", result.text()).isTrue();
        SOON.alias("order replaced").untilAsserted(() -> {
            Order now = world.lastOrder().current();
            assertThat(now.statusName()).isEqualTo("ORDER_STATUS_OPEN");
            assertThat(now.orderQuantity()).isEqualTo(quantity);
            assertThat(now.price1()).isEqualTo(price);
        });
    }

    @Then("the order's update names its previous ServerOrderID")
    public void theUpdateNamesThePreviousServerOrderId() {
        String previous = world.firstServerOrderId();
        assertThat(client.orderUpdates()).as("an ORDER_UPDATE with PreviousServerOrderID " + previous)
                .anySatisfy(u -> {
                    assertThat(u.getString("PreviousServerOrderID")).isEqualTo(previous);
                    assertThat(u.getString("ServerOrderID")).isNotEqualTo(previous)
                            .isEqualTo(world.lastOrder().current().serverOrderId());
                });
    }

    @Then("the cancel is rejected")
    public void theCancelIsRejected() {
        ActionResult result = world.lastAction().await(WAIT);
        assertThat(result.accepted()).as("cancel accepted").isFalse();
        // The server's own answer follows: ORDER_CANCEL_REJECTED, saying why.
        SOON.alias("ORDER_CANCEL_REJECTED from the server").untilAsserted(() -> assertThat(client.orderUpdates())
                .anySatisfy(u -> {
                    assertThat(u.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REJECTED");
                    assertThat(u.getString("InfoText")).isNotEmpty();
                }));
    }

    @Then("the order stays FILLED")
    public void theOrderStaysFilled() {
        Order now = world.lastOrder().current();
        assertThat(now.statusName()).isEqualTo("ORDER_STATUS_FILLED");
        assertThat(now.remainingQuantity()).isZero();
    }

    @Then("the order is FILLED with {int} filled at {double}")
    public void theOrderIsFilledWith(int quantity, double price) {
        Order filled = world.lastOrder().awaitStatus("FILLED", WAIT);
        assertThat(filled.filledQuantity()).isEqualTo(quantity);
        assertThat(filled.averageFillPrice()).isEqualTo(price);
    }

    @Then("the restarted client knows the {int} orders filled and a position of {int} {word}")
    public void theRestartedClientKnows(int count, int position, String symbol) {
        List<String> ids = world.orders().stream().map(o -> o.clientOrderId()).toList();
        // Finished orders live in the history database; the book holds the working ones.
        assertThat(client.client().historyDatabase().orders()).filteredOn(o -> ids.contains(o.clientOrderId()))
                .hasSize(count).allMatch(Order::isFilled);
        assertThat(client.client().positions().position(client.client().config().logon().tradeAccount(), symbol).quantity())
                .as("position restored from the recorded fills").isEqualTo(position);
    }
}
