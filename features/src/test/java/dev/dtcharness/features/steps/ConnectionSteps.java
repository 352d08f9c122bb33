package dev.dtcharness.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.features.support.ClientDriver;
import dev.dtcharness.features.support.SimulatorDriver;
import dev.dtcharness.protocol.DtcEncoding;
import io.cucumber.java.en.Given;

/** Bringing up the exchange and the client. */
public class ConnectionSteps {
    private final SimulatorDriver exchange;
    private final ClientDriver client;

    public ConnectionSteps(SimulatorDriver exchange, ClientDriver client) {
        this.exchange = exchange;
        this.client = client;
    }

    @Given("a simulator that fills every order")
    public void aSimulatorThatFillsEveryOrder() {
        exchange.startFillingEveryOrder();
    }

    @Given("the client is logged on using {encoding} encoding")
    public void theClientIsLoggedOnUsing(DtcEncoding encoding) {
        client.logOn(encoding);
        assertThat(client.client().isLoggedOn()).as("logged on").isTrue();
    }
}
