package dev.dtcharness.features.steps;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.support.Waits.SOON;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.ConnectionEvent;
import dev.dtcharness.features.support.Disconnect;
import dev.dtcharness.features.support.Exchange;
import dev.dtcharness.features.support.Trader;
import dev.dtcharness.protocol.DtcEncoding;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Bringing up the exchange and the client. */
public class ConnectionSteps {
    private final Exchange exchange;
    private final Trader trader;

    public ConnectionSteps(Exchange exchange, Trader trader) {
        this.exchange = exchange;
        this.trader = trader;
    }

    @Given("a simulator that fills every order")
    public void aSimulatorThatFillsEveryOrder() {
        exchange.startFillingEveryOrder();
    }

    @Given("the client is logged on using {encoding} encoding")
    public void theClientIsLoggedOnUsing(DtcEncoding encoding) {
        trader.logOn(encoding);
        assertThat(trader.isLoggedOn()).as("logged on").isTrue();
    }

    @When("the client logs off")
    public void theClientLogsOff() {
        trader.logOff();
        assertThat(trader.isLoggedOn()).as("logged on after logging off").isFalse();
        // The simulator's side of the goodbye is logged too; wait for it before anyone reads the logs.
        SOON.alias("simulator closed the session").until(() -> exchange.sessionCount() <= 0);
    }

    @Given("the client is logged on using {encoding} encoding with a heartbeat every {int} second(s)")
    public void theClientIsLoggedOnWithAHeartbeatEvery(DtcEncoding encoding, int seconds) {
        trader.logOn(encoding, seconds);
        assertThat(trader.isLoggedOn()).as("logged on").isTrue();
    }

    @When("the connection stays idle for {int} seconds")
    public void theConnectionStaysIdleFor(int seconds) {
        // Not a sleep: the client must stay logged on through the whole time, checked all along.
        await().alias("still logged on while idle").during(Duration.ofSeconds(seconds))
                .atMost(Duration.ofSeconds(seconds + 5L)).pollInterval(Duration.ofMillis(100))
                .until(() -> trader.isLoggedOn() && exchange.sessionCount() != 0);
    }

    @Then("the client is still logged on")
    public void theClientIsStillLoggedOn() {
        assertThat(trader.isLoggedOn()).as("logged on").isTrue();
        if (exchange.isSimulator()) {
            assertThat(exchange.sessionCount()).as("sessions open at the simulator").isEqualTo(1);
        }
    }

    @Then("the client received at least {int} HEARTBEAT messages")
    public void theClientReceivedAtLeastHeartbeats(int count) {
        assertThat(trader.heartbeats()).as("HEARTBEAT (3) messages from the server").hasSizeGreaterThanOrEqualTo(count)
                .allSatisfy(m -> assertThat(m).isOfType("HEARTBEAT"));
    }

    @Given("a simulator that lets limit orders rest")
    public void aSimulatorThatLetsLimitOrdersRest() {
        exchange.startLettingLimitOrdersRest();
    }

    @Given("the client is logged on using {encoding} encoding, keeping its records in a new directory")
    public void theClientIsLoggedOnKeepingRecords(DtcEncoding encoding) {
        trader.logOnKeepingRecords(encoding);
        assertThat(trader.isLoggedOn()).as("logged on").isTrue();
    }

    @Given("the client is logged on using {encoding} encoding, reconnecting on its own")
    public void theClientIsLoggedOnReconnecting(DtcEncoding encoding) {
        trader.logOnReconnecting(encoding);
        assertThat(trader.isLoggedOn()).as("logged on").isTrue();
    }

    @When("the client restarts from the same directory")
    public void theClientRestarts() {
        trader.restart();
        assertThat(trader.isLoggedOn()).as("logged on after the restart").isTrue();
    }

    @When("the simulator {disconnect} the connection")
    public void theSimulatorDropsTheConnection(Disconnect how) {
        exchange.dropConnections(how);
        SOON.alias("the client noticed the disconnect").until(() -> !trader.isLoggedOn());
    }

    @Then("the client logs on again")
    public void theClientLogsOnAgain() {
        SOON.alias("logged on again").until(trader::isLoggedOn);
    }

    @When("the simulator goes silent")
    public void theSimulatorGoesSilent() {
        exchange.goSilentFor(Duration.ofSeconds(30));
    }

    @Then("within {int} seconds the client treats the server as gone, saying it heard nothing")
    public void theClientTreatsTheServerAsGone(int seconds) {
        await().alias("the client gave the silent server up").atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(trader.connectionEvents()).anySatisfy(e -> {
                    assertThat(e.state()).isEqualTo(ConnectionEvent.State.DISCONNECTED);
                    assertThat(e.cause()).contains("no message from the server");
                }));
    }
}
