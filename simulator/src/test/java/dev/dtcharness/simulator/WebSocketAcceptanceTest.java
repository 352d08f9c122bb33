package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A browser-style client over WebSocket on the simulator's DTC port, as Sierra Chart serves them
 * (FACTS.md 1.6): JSON messages in text frames, each ended by NUL on the way in.
 */
class WebSocketAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.defaults().dynamicPort());
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.abort();
        }
        simulator.close();
    }

    @Test
    void shouldLogOnAndFillAnOrderOverWebSocket() {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + simulator.port() + "/"), new Collector()).join();
        socket.sendText("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10,\"ClientName\":\"browser\"}\0", true)
                .join();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(m -> m.path("Type").asInt() == 2));
        assertThat(received).filteredOn(m -> m.path("Type").asInt() == 2).first()
                .satisfies(logon -> assertThat(logon.path("Result").asInt()).isEqualTo(1));

        // A browser often forgets the NUL; the simulator adds it rather than wait forever.
        socket.sendText("{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"Sim1\",\"ClientOrderID\":\"ws-1\","
                + "\"OrderType\":2,\"BuySell\":1,\"Price1\":4500.25,\"Quantity\":1,\"TimeInForce\":1}", true).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream()
                .anyMatch(m -> m.path("Type").asInt() == 301 && m.path("OrderStatus").asInt() == 7));
        JsonNode fill = received.stream().filter(m -> m.path("OrderStatus").asInt() == 7).findFirst().orElseThrow();
        assertThat(fill.path("ClientOrderID").asText()).isEqualTo("ws-1");
        assertThat(fill.path("AverageFillPrice").asDouble()).isEqualTo(4500.25);
    }

    @Test
    void shouldStillServePlainTcpClientsOnTheSamePort() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(SimulatorAcceptanceTest.limitOrder("tcp-1", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).isEqualTo("tcp-1");
        }
    }

    /** Each text frame is one JSON message, without its NUL. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not one JSON message per frame: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
