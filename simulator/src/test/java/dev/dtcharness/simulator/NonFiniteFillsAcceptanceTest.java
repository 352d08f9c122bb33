package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.script.Step;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that come in by the Java API, the admin API or a scenario are judged as a client's are: a
 * fill at a price no market has is refused before it touches a position or a balance, so no
 * POSITION_UPDATE or ACCOUNT_BALANCE_UPDATE ever carries Infinity (today's "-Infinity" CashBalance).
 */
class NonFiniteFillsAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "fill price {0}")
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e308, Double.MAX_VALUE, -1})
    void shouldRefuseAJavaApiFillAtAPriceNoMarketHasAndSendNothing(double price) {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("N-1", "BUY", 2, 4400));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");

            assertThatThrownBy(() -> simulator.exchange().fill(id, 1, price)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fill price is");
            assertThat(client.nothingWithin(Duration.ofMillis(300))).as("no update of a refused fill").isTrue();
            assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isZero();
            assertThat(simulator.exchange().fills()).isEmpty();
            assertThat(simulator.exchange().workingOrder("N-1").filledQuantity()).isZero();

            // A round trip at real prices books a loss: every number the client then reads is finite.
            simulator.exchange().fill(id, 2, 4400);
            client.send(limitOrder("N-2", "SELL", 2, 4390));
            String sell = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("N-2"))
                    .getString("ServerOrderID");
            simulator.exchange().fill(sell);
            DtcMessage balance = client.receive("ACCOUNT_BALANCE_UPDATE");
            assertThat(balance.getDouble("CashBalance")).isEqualTo(100_000 - 20.0);
            assertThat(simulator.exchange().cashBalance("Sim1")).isFinite();
        }
    }

    @Test
    void shouldRefuseAnOrderPlacedElsewhereWithAValueNoMarketHas() {
        assertThatThrownBy(() -> simulator.exchange().placeElsewhere("Sim1", "ES", "BUY", 1, Double.NaN))
                .hasMessageContaining("Price1 is NaN");
        assertThatThrownBy(() -> simulator.exchange().placeElsewhere("Sim1", "ES", "BUY", Double.POSITIVE_INFINITY, 4400))
                .hasMessageContaining("Quantity is Infinity");
        assertThatThrownBy(() -> simulator.exchange().placeElsewhere("Nobody", "ES", "BUY", 1, 4400))
                .hasMessageContaining("TradeAccount Nobody is not an account");
        assertThat(simulator.exchange().orders()).isEmpty();
    }

    @Test
    void shouldRefuseAScenarioFillAtANonFinitePriceWhenTheScenarioIsMade() {
        assertThatThrownBy(() -> Step.fill(Double.POSITIVE_INFINITY)).hasMessageContaining("price is Infinity");
        assertThatThrownBy(() -> Step.partialFill(1, Double.NaN)).hasMessageContaining("price is NaN");
        assertThatThrownBy(() -> Step.partialFill(Double.POSITIVE_INFINITY, 4400)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> SimulatorConfig.builder().marketPrice("ES", Double.NEGATIVE_INFINITY).build())
                .hasMessageContaining("-Infinity");
        assertThatThrownBy(() -> SimulatorConfig.builder().defaultMarketPrice(Double.NaN).build()).hasMessageContaining("NaN");
    }

    @Test
    void shouldAnswerAnAdminFillAtAnInfinitePriceWith400AndBookNothing() throws Exception {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("N-3", "BUY", 1, 4400));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            for (String price : List.of("Infinity", "-Infinity", "NaN", "1e400")) {
                HttpResponse<String> r = post("/orders/" + id + "/fill?quantity=1&price=" + price);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("price=" + price).contains("finite");
            }
            assertThat(client.nothingWithin(Duration.ofMillis(300))).isTrue();
            assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isZero();
        }
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.adminPort() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
