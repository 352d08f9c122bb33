package dev.dtcharness.features.steps;

import static dev.dtcharness.features.support.Waits.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.features.support.ClientDriver;
import dev.dtcharness.features.support.SimulatorDriver;
import dev.dtcharness.features.support.TradingWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** What happens at the exchange, and whether the client's record matches the simulator's. */
public class ExchangeSteps {
    private final SimulatorDriver exchange;
    private final ClientDriver client;
    private final TradingWorld world;

    public ExchangeSteps(SimulatorDriver exchange, ClientDriver client, TradingWorld world) {
        this.exchange = exchange;
        this.client = client;
        this.world = world;
    }

    @When("the simulator fills the order at {double}")
    public void theSimulatorFillsTheOrder(double price) {
        fill(price);
        world.lastOrder().awaitStatus("FILLED", java.time.Duration.ofSeconds(10));
    }

    @When("the simulator fills the order at {double} while the client is away")
    public void theSimulatorFillsTheOrderWhileTheClientIsAway(double price) {
        assertThat(client.client().isLoggedOn()).as("the client is away").isFalse();
        fill(price);
    }

    @Then("the client's fills match the simulator's, each exactly once")
    public void theClientsFillsMatchTheSimulators() {
        String serverOrderId = world.lastOrder().current().serverOrderId();
        List<String> simulatorFills = exchange.simulator().exchange().fills().stream()
                .filter(f -> f.serverOrderId().equals(serverOrderId))
                .map(f -> f.executionId() + " " + f.quantity() + "@" + f.price()).toList();
        assertThat(simulatorFills).as("the simulator's fills of " + serverOrderId).isNotEmpty();
        SOON.alias("client fills of " + serverOrderId).untilAsserted(() -> assertThat(world.lastOrder().fills().stream()
                .map(f -> f.executionId() + " " + f.quantity() + "@" + f.price()).toList())
                .as("the client's fills, each exactly once").containsExactlyInAnyOrderElementsOf(simulatorFills));
        assertThat(client.client().orderBook().ledger().size()).as("fills counted by the client")
                .isEqualTo(exchange.simulator().exchange().fills().size());
    }

    private void fill(double price) {
        String serverOrderId = world.lastOrder().current().serverOrderId();
        var order = exchange.simulator().exchange().workingOrders().stream()
                .filter(o -> o.serverOrderId().equals(serverOrderId)).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator has no working order " + serverOrderId));
        exchange.simulator().exchange().fill(serverOrderId, order.quantity() - order.filledQuantity(), price);
    }
}
