package dev.dtcharness.features.steps;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.support.Waits.SOON;

import dev.dtcharness.features.support.Exchange;
import dev.dtcharness.features.support.Execution;
import dev.dtcharness.features.support.Trader;
import dev.dtcharness.features.support.TradingWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/** What happens at the exchange, and whether the client's record matches the simulator's. */
public class ExchangeSteps {
    private final Exchange exchange;
    private final Trader trader;
    private final TradingWorld world;

    public ExchangeSteps(Exchange exchange, Trader trader, TradingWorld world) {
        this.exchange = exchange;
        this.trader = trader;
        this.world = world;
    }

    @When("the simulator fills the order at {double}")
    public void theSimulatorFillsTheOrder(double price) {
        exchange.fillRemaining(world.lastOrder(), price);
        world.lastOrder().awaitStatus("FILLED", Duration.ofSeconds(10));
    }

    @When("the simulator fills the order at {double} while the client is away")
    public void theSimulatorFillsTheOrderWhileTheClientIsAway(double price) {
        assertThat(trader.isLoggedOn()).as("the client is away").isFalse();
        exchange.fillRemaining(world.lastOrder(), price);
    }

    @Then("the client's fills match the simulator's, each exactly once")
    public void theClientsFillsMatchTheSimulators() {
        String serverOrderId = world.lastOrder().current().serverOrderId();
        List<Execution> simulatorFills = exchange.fillsOf(world.lastOrder());
        assertThat(simulatorFills).as("the simulator's fills of " + serverOrderId).isNotEmpty();
        SOON.alias("client fills of " + serverOrderId).untilAsserted(() -> assertThat(trader.fillsOf(world.lastOrder()))
                .as("the client's fills, each exactly once").containsExactlyInAnyOrderElementsOf(simulatorFills));
        assertThat(trader.fillsCounted()).as("fills counted by the client").isEqualTo(exchange.fillCount());
    }
}
