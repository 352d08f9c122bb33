package dev.dtcharness.features.steps;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.support.Waits.SOON;

import dev.dtcharness.client.ActionResult;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.features.support.Trader;
import dev.dtcharness.features.support.TradingWorld;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/** Placing orders and checking what came back, in the words of the order-flow checklist. */
public class OrderSteps {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Trader trader;
    private final TradingWorld world;

    public OrderSteps(Trader trader, TradingWorld world) {
        this.trader = trader;
        this.world = world;
    }

    @When("the client places a {side} {int} {word} limit order at {double}")
    public void theClientPlacesALimitOrder(Side side, int quantity, String symbol, double price) {
        world.placed(trader.placeLimit(side, quantity, symbol, price));
    }

    @Then("an ORDER_UPDATE with OrderStatus {orderStatus} \\({int}) arrives for the order")
    public void anOrderUpdateArrives(String status, int code) {
        assertThat(DtcSpec.v8().enumValue("OrderStatusEnum", status)).as("DTC v8 value of %s", status).isEqualTo(code);
        SOON.alias(status + " update for " + world.lastOrder().clientOrderId())
                .untilAsserted(() -> assertThat(trader.updatesOf(world.lastOrder()))
                        .anySatisfy(u -> assertThat(u).isOfType("ORDER_UPDATE").hasField("OrderStatus", code)));
    }

    @Then("the order book shows the order filled: {int} at {double}")
    public void theOrderBookShowsTheOrderFilled(int quantity, double price) {
        String id = world.lastOrder().clientOrderId();
        SOON.alias("order book fill for " + id).untilAsserted(() -> assertThat(trader.inTheBook(world.lastOrder()))
                .as("the order book's entry for " + id).hasValueSatisfying(order -> assertThat(order)
                        .isFilled().hasFilledQuantity(quantity).hasRemainingQuantity(0).at(price)));
    }

    @Then("the order went through {orderStatuses}")
    public void theOrderWentThrough(List<String> statuses) {
        SOON.alias("status sequence of " + world.lastOrder().clientOrderId())
                .untilAsserted(() -> assertThat(trader.updatesOf(world.lastOrder()))
                        .extracting(u -> u.enumName("OrderStatus")).containsExactlyElementsOf(statuses));
    }

    @When("the client places {int} {side} {int} {word} limit orders at {double}")
    public void theClientPlacesSeveralLimitOrders(int count, Side side, int quantity, String symbol, double price) {
        for (int i = 0; i < count; i++) {
            world.placed(trader.placeLimit(side, quantity, symbol, price));
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
        world.acted(trader.cancel(world.lastOrder()));
    }

    @When("the client modifies the order to {int} at {double}")
    public void theClientModifiesTheOrder(int quantity, double price) {
        world.acted(trader.modify(world.lastOrder(), quantity, price));
    }

    @Then("the order ends CANCELED")
    public void theOrderEndsCanceled() {
        assertThat(world.lastAction().await(WAIT).accepted()).as("cancel accepted").isTrue();
        assertThat(world.lastOrder().terminal()).succeedsWithin(WAIT).satisfies(o -> assertThat(o).isCanceled());
    }

    @Then("the order is OPEN with quantity {int} at {double}")
    public void theOrderIsOpenWith(int quantity, double price) {
        ActionResult result = world.lastAction().await(WAIT);
        assertThat(result.accepted()).as("modify accepted: %s", result.text()).isTrue();
        SOON.alias("order replaced").untilAsserted(() -> assertThat(world.lastOrder().current())
                .isOpen().hasQuantity(quantity).hasLimitPrice(price));
    }

    @Then("the order's update names its previous ServerOrderID")
    public void theUpdateNamesThePreviousServerOrderId() {
        String previous = world.firstServerOrderId();
        String now = world.lastOrder().current().serverOrderId();
        assertThat(now).as("the replaced order's ServerOrderID").isNotEqualTo(previous);
        assertThat(trader.orderUpdates()).as("an ORDER_UPDATE with PreviousServerOrderID " + previous)
                .anySatisfy(u -> assertThat(u).hasField("PreviousServerOrderID", previous).hasField("ServerOrderID", now));
    }

    @Then("the cancel is rejected")
    public void theCancelIsRejected() {
        ActionResult result = world.lastAction().await(WAIT);
        assertThat(result.accepted()).as("cancel accepted").isFalse();
        // The server's own answer follows: ORDER_CANCEL_REJECTED, saying why.
        SOON.alias("ORDER_CANCEL_REJECTED from the server").untilAsserted(() -> assertThat(trader.orderUpdates())
                .anySatisfy(u -> assertThat(u).hasField("OrderUpdateReason", "ORDER_CANCEL_REJECTED")
                        .hasNonEmptyField("InfoText")));
    }

    @Then("the order stays FILLED")
    public void theOrderStaysFilled() {
        assertThat(world.lastOrder().current()).isFilled().hasRemainingQuantity(0);
    }

    @Then("the order is FILLED with {int} filled at {double}")
    public void theOrderIsFilledWith(int quantity, double price) {
        assertThat(world.lastOrder().awaitStatus("FILLED", WAIT)).isFilled().hasFilledQuantity(quantity).at(price);
    }

    @Then("the restarted client knows the {int} orders filled and a position of {int} {word}")
    public void theRestartedClientKnows(int count, int position, String symbol) {
        List<String> ids = world.orders().stream().map(o -> o.clientOrderId()).toList();
        // Finished orders live in the history database; the book holds the working ones.
        assertThat(trader.orderHistory()).filteredOn(o -> ids.contains(o.clientOrderId()))
                .hasSize(count).allSatisfy(o -> assertThat(o).isFilled());
        assertThat(trader.position(symbol)).as("position restored from the recorded fills").isEqualTo(position);
    }
}
