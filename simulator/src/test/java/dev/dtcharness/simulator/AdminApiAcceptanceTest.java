package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP admin API, driven as curl would drive it. */
class AdminApiAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldListSessionsAndOrdersAndFillAnOrderForTheClient() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("A-1", "BUY", 2, 4500));
            String id = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 4)
                    .getString("ServerOrderID");

            assertThat(call("GET", "/sessions", "").body()).contains("\"clientName\" : \"wire-client\"");
            assertThat(call("GET", "/orders", "").body()).contains("\"clientOrderId\" : \"A-1\"").contains(id);

            HttpResponse<String> filled = call("POST", "/orders/" + id + "/fill?quantity=1&price=4499.5", "");
            assertThat(filled.statusCode()).isEqualTo(200);
            DtcMessage partial = client.receive("ORDER_UPDATE");
            assertThat(partial.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_PARTIALLY_FILLED");
            assertThat(partial.getDouble("LastFillPrice")).isEqualTo(4499.5);
            assertThat(call("GET", "/fills", "").body()).contains("\"price\" : 4499.5");
            assertThat(call("GET", "/journal?limit=5", "").body()).contains("ORDER_UPDATE");
        }
    }

    @Test
    void shouldPushAnOrderPlacedElsewhereLoadAScenarioAndTriggerAFault() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            HttpResponse<String> placed = call("POST", "/orders/elsewhere",
                    "{\"symbol\":\"NQ\",\"side\":\"SELL\",\"quantity\":1,\"price\":15800}");
            assertThat(placed.body()).contains("serverOrderId");
            assertThat(client.receive("ORDER_UPDATE").getString("Symbol")).isEqualTo("NQ");

            HttpResponse<String> loaded = call(simulator, "POST", "/scenario", "name: halt\nrules:\n  - replies:\n"
                    + "      - {step: reject, text: halted}\n", null, "application/yaml");
            assertThat(loaded.statusCode()).isEqualTo(200);
            client.send(limitOrder("A-2", "BUY", 1, 1));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("A-2"))
                    .getString("InfoText")).isEqualTo("halted");

            assertThat(call("POST", "/faults/duplicate?session=1&n=1", "").statusCode()).isEqualTo(200);
            client.send(limitOrder("A-3", "BUY", 1, 1));
            DtcMessage first = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("A-3"));
            DtcMessage again = client.receive("ORDER_UPDATE");
            assertThat(again.toString()).as("the same update twice").isEqualTo(first.toString());
            assertThat(call("POST", "/faults/reorder?session=1&n=1", "").statusCode()).isEqualTo(200);

            assertThat(call("POST", "/faults/disconnect?session=1", "").statusCode()).isEqualTo(200);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void shouldReportTheHeapAfterFullCollectionsAndTheSessionsForASoakTestToWatch() throws Exception {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            HttpResponse<String> plain = call("GET", "/memory", "");
            assertThat(plain.statusCode()).isEqualTo(200);
            var report = JSON.readTree(plain.body());
            assertThat(report.get("sessions").asInt()).isEqualTo(1);
            assertThat(report.get("afterGc").asBoolean()).isFalse();
            assertThat(report.get("heapUsedMb").asDouble()).isPositive();
            assertThat(report.get("heapMaxMb").asDouble()).isGreaterThanOrEqualTo(report.get("heapCommittedMb").asDouble());
            assertThat(report.get("threads").asInt()).isPositive();

            var collected = JSON.readTree(call("GET", "/memory?gc=true", "").body());
            assertThat(collected.get("afterGc").asBoolean()).isTrue();
            assertThat(collected.get("heapUsedMb").asDouble()).isPositive()
                    .isLessThanOrEqualTo(collected.get("heapCommittedMb").asDouble());
        }
        HttpResponse<String> bad = call("GET", "/memory?gc=yes", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("gc=yes (expected: true or false)");
    }

    @Test
    void shouldAnswerBadRequestsWithASentence() {
        HttpResponse<String> unknown = call("GET", "/nope", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no admin endpoint GET /nope");
        HttpResponse<String> badNumber = call("POST", "/faults/garbage?bytes=many", "");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.body()).contains("bytes=many (expected: a whole number from 1 to 65536)");
        HttpResponse<String> badScenario = call(simulator, "POST", "/scenario", "rules: [{replies: [{step: explode}]}]",
                null, "application/yaml");
        assertThat(badScenario.statusCode()).isEqualTo(400);
        assertThat(badScenario.body()).contains("explode");
    }

    @Test
    void shouldRefuseRequestsWithoutTheTokenWhenOneIsSet() {
        try (DtcSimulator guarded = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
                .adminToken("s3cret").build())) {
            HttpResponse<String> none = call(guarded, "GET", "/sessions", "", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("Authorization: Bearer");
            assertThat(call(guarded, "GET", "/sessions", "", "wrong").statusCode()).isEqualTo(401);
            assertThat(call(guarded, "GET", "/sessions", "", "s3cret").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseToListenBeyondLoopbackWithoutAToken() {
        SimulatorConfig everywhere = SimulatorConfig.builder().host("0.0.0.0").dynamicPort().adminPort(0).build();
        assertThatThrownBy(() -> DtcSimulator.start(everywhere)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the admin API would listen on 0.0.0.0, beyond loopback, without a token");

        try (DtcSimulator guarded = DtcSimulator.start(everywhere.toBuilder().adminToken("t0ken-beyond").build())) {
            assertThat(call(guarded, "GET", "/sessions", "", null).statusCode()).isEqualTo(401);
            assertThat(call(guarded, "POST", "/reset", "", "t0ken-beyond").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> call(String method, String path, String body) {
        return call(simulator, method, path, body, null);
    }

    private HttpResponse<String> call(DtcSimulator target, String method, String path, String body, String token) {
        return call(target, method, path, body, token, method.equals("GET") ? null : "application/json");
    }

    private HttpResponse<String> call(DtcSimulator target, String method, String path, String body, String token,
                                      String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.adminPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
