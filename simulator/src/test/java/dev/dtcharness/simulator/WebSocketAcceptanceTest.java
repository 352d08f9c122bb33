package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.protocol.DtcEncoding;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A browser-style client over WebSocket on the simulator's DTC port, as Sierra Chart serves them
 * (FACTS.md 1.6): JSON messages in text frames, each ended by NUL on the way in.
 */
class WebSocketAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldLogOnAndFillAnOrderOverWebSocket() {
        try (BrowserJsonClient browser = new BrowserJsonClient(simulator.port())) {
            browser.send("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10,\"ClientName\":\"browser\"}");
            assertThat(browser.receive(2).path("Result").asInt()).isEqualTo(1);

            // A browser often forgets the NUL; the simulator adds it rather than wait forever.
            browser.sendWithoutNul("{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"Sim1\",\"ClientOrderID\":\"ws-1\","
                    + "\"OrderType\":2,\"BuySell\":1,\"Price1\":4500.25,\"Quantity\":1,\"TimeInForce\":1}");

            JsonNode fill = browser.receive(m -> m.path("Type").asInt() == 301 && m.path("OrderStatus").asInt() == 7,
                    Duration.ofSeconds(5));
            assertThat(fill.path("ClientOrderID").asText()).isEqualTo("ws-1");
            assertThat(fill.path("AverageFillPrice").asDouble()).isEqualTo(4500.25);
            assertThat(browser.violations()).as("each text frame one JSON message").isEmpty();
        }
    }

    @Test
    void shouldStillServePlainTcpClientsOnTheSamePort() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(SimulatorAcceptanceTest.limitOrder("tcp-1", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).isEqualTo("tcp-1");
        }
    }
}
