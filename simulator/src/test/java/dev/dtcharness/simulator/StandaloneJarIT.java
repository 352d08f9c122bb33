package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtcharness.simulator.SimulatorJar.ScriptRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standalone jar as a team's CI starts it, driven by Python that knows nothing of this code
 * base: proof that the simulator serves non-Java clients over DTC's JSON encoding.
 */
class StandaloneJarIT {
    private static final Path PYTHON_CLIENT = Path.of("src", "test", "python", "dtc_json_client.py");
    private static final Path PYTHON_WEBSOCKET_CLIENT = Path.of("src", "test", "python", "dtc_websocket_client.py");
    private static final Path RECONNECT_EXAMPLE = Path.of("examples", "reconnect_scenario.py");
    /** What the simulator wrote before its fix for an order priced 1e400, with a bad line and a fill written twice. */
    private static final Path HOSTILE_STATE = Path.of("src", "test", "resources", "dev", "dtcharness", "simulator",
            "persist", "hostile-exchange.jsonl");

    private static final String TOKEN_VARIABLE = "DTC_ADMIN_TOKEN";

    private static SimulatorJar partialFills;

    @BeforeAll
    static void startTheJar() throws Exception {
        // partial-fills is a starter scenario shipped in the jar: ES orders fill in two parts.
        partialFills = new SimulatorJar("--scenario", "partial-fills", "--admin-port", "0",
                "--finished-orders-kept", "50", "--fill-history", "500");
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (partialFills != null) {
            partialFills.close();
        }
    }

    @ParameterizedTest(name = "python client {0}")
    @ValueSource(strings = {"--negotiate", "--json-first"})
    void aPythonClientGetsItsOrderFilled(String mode) throws Exception {
        assumeTrue(SimulatorJar.pythonAvailable(), "python3 is not installed here; the Python client check needs it");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(partialFills.port())));
        if (mode.equals("--json-first")) {
            args.add("--json-first");
        }
        ScriptRun run = SimulatorJar.python(PYTHON_CLIENT, args.toArray(String[]::new));

        assertThat(run.exitStatus()).as("exit status; output:%n%s%nsimulator:%n%s", run.output(),
                String.join("\n", partialFills.output())).isZero();
        assertThat(run.output()).contains("\"OrderStatus\": 7").contains("FILLED ServerOrderID=S");
        assertThat(partialFills.output()).anyMatch(l -> l.contains("logon from client 'python-json-client'"));
    }

    @Test
    void aPythonWebSocketClientWithABrowsersLogonGetsOnlyJsonTextFramesAndItsFill() throws Exception {
        assumeTrue(SimulatorJar.pythonAvailable(), "python3 is not installed here; the Python client check needs it");
        ScriptRun run = SimulatorJar.python(PYTHON_WEBSOCKET_CLIENT, "--host", "127.0.0.1",
                "--port", Integer.toString(partialFills.port()));

        assertThat(run.exitStatus()).as("exit status; output:%n%s%nsimulator:%n%s", run.output(),
                String.join("\n", partialFills.output())).isZero();
        assertThat(run.output()).contains("FILLED ServerOrderID=S").contains("every one JSON text")
                .contains("DTC v8 wants an integer t_DateTime, not a fraction")
                .contains("\"MarketDataSupported\": 0");
        assertThat(partialFills.output()).anyMatch(l -> l.contains("logon from client 'python-websocket-client'"));
    }

    @Test
    void theAdminApiAnswersOnThePortItPrinted() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> partialFills.output().stream()
                .anyMatch(l -> l.contains("admin API on http://127.0.0.1:")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(partialFills.adminBase() + "/scenario"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("partial-fills");
        HttpResponse<String> memory = http.send(HttpRequest.newBuilder(URI.create(partialFills.adminBase() + "/memory?gc=true"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(memory.statusCode()).isEqualTo(200);
        assertThat(memory.body()).contains("\"afterGc\" : true").contains("\"heapMaxMb\"");
    }

    @Test
    void thePythonReconnectExampleFindsTheFillItMissed() throws Exception {
        assumeTrue(SimulatorJar.pythonAvailable(), "python3 is not installed here; the Python example needs it");
        try (SimulatorJar resting = new SimulatorJar("--fill-policy", "REST_LIMIT_ORDERS", "--admin-port", "0")) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> resting.output().stream()
                    .anyMatch(l -> l.contains("admin API on http://127.0.0.1:")));
            ScriptRun run = SimulatorJar.python(RECONNECT_EXAMPLE, "--port", Integer.toString(resting.port()),
                    "--admin", resting.adminBase());

            assertThat(run.exitStatus()).as("exit status; output:%n%s%nsimulator:%n%s", run.output(),
                    String.join("\n", resting.output())).isZero();
            assertThat(run.output()).contains("RECONCILED S").contains("filled 2.0 at 4400.0 while away");
        }
    }

    @Test
    void theJarCarriesOnFromItsStateDirAfterKillMinus9(@TempDir Path state) throws Exception {
        SimulatorJar first = new SimulatorJar("--state-dir", state.toString());
        String execution;
        try (WireClient client = new WireClient(first.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(OrderEngineAcceptanceTest.marketOrder("JAR-1", "BUY", 2));
            execution = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("LastFillExecutionID");
        } finally {
            first.kill();
        }
        SimulatorJar second = new SimulatorJar("--state-dir", state.toString());
        try (WireClient client = new WireClient(second.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 1).set("TradeAccount", "Sim1"));
            assertThat(client.receive("HISTORICAL_ORDER_FILL_RESPONSE").getString("UniqueExecutionID")).isEqualTo(execution);
            client.send(OrderEngineAcceptanceTest.marketOrder("JAR-1", "BUY", 1));
            assertThat(client.receive("ORDER_UPDATE").getString("InfoText")).contains("JAR-1 was already used");
        } finally {
            second.close();
        }
    }

    @Test
    void theJarStartsAndServesOnAStateFileAHostileOrderOnceBricked(@TempDir Path state) throws Exception {
        Files.copy(HOSTILE_STATE, state.resolve("exchange.jsonl"));
        try (SimulatorJar jar = new SimulatorJar("--state-dir", state.toString());
             WireClient client = new WireClient(jar.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            assertThat(jar.output()).anyMatch(l -> l.contains("WARN") && l.contains("line 4 (from byte ")
                    && l.contains("skipped")).anyMatch(l -> l.contains("line 3 (from byte ") && l.contains("fill E1: price is Infinity"));
            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 1).set("TradeAccount", "Sim1"));
            DtcMessage fills = client.receive("HISTORICAL_ORDER_FILL_RESPONSE");
            assertThat(fills.getInt("NoOrderFills")).as("the fill at Infinity is not brought back, so none is listed")
                    .isEqualTo(1);
            client.send(OrderEngineAcceptanceTest.marketOrder("JAR-AFTER", "BUY", 1));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("JAR-AFTER")
                    && m.getInt("OrderStatus") == 7).getString("LastFillExecutionID")).as("no id given twice").isEqualTo("E8");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--session-outbound-limit=10 | sessionOutboundLimit: 10 (expected: at least 4096 bytes)",
            "--session-pass-budget=0     | sessionPassBudget: 0 (expected: at least 1)",
            "--admin-token=abc           | --admin-token given without --admin-port"})
    void aSettingTheSimulatorCannotTakeIsOneLineAndExitTwo(String option, String named) throws Exception {
        ScriptRun run = SimulatorJar.runToExit(Map.of(), "--port", "0", option);

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().toList()).as("one line, no stack trace").singleElement().asString()
                .startsWith("dtc-simulator: ").contains(named);
    }

    @Test
    void theJarAnswersSecurityDefinitionsFromItsInstrumentsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), """
                {"instruments": [{"symbol": "ESZ6", "securityType": "FUTURES", "tickSize": 0.25, "tickValue": 12.5}]}
                """);
        try (SimulatorJar jar = new SimulatorJar("--instruments", file.toString());
             WireClient client = new WireClient(jar.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(DtcMessage.of("SECURITY_DEFINITION_FOR_SYMBOL_REQUEST").set("RequestID", 5).set("Symbol", "ESZ6"));
            DtcMessage definition = client.receive("SECURITY_DEFINITION_RESPONSE");
            assertThat(definition.getInt("RequestID")).isEqualTo(5);
            assertThat(definition.getDouble("MinPriceIncrement")).isEqualTo(0.25);
        }
    }

    @Test
    void aMalformedInstrumentsFileIsTheTablesOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                {"instruments": [
                  {"symbol": "ES", "securityType": "FUTURES", "tickSize": "abc", "tickValue": 12.5}
                ]}
                """);
        ScriptRun run = SimulatorJar.runToExit(Map.of(), "--port", "0", "--instruments", file.toString());

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().toList()).as("one line, no stack trace").singleElement().asString()
                .startsWith("dtc-simulator: " + file + " line 2: instruments[0].tickSize (ES)");
    }

    @Test
    void theJarWillNotServeTheAdminApiBeyondLoopbackWithoutAToken() throws Exception {
        ScriptRun run = SimulatorJar.runToExit(Collections.singletonMap(TOKEN_VARIABLE, null),
                "--host", "0.0.0.0", "--port", "0", "--admin-port", "0");

        assertThat(run.exitStatus()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().toList()).as("one line, nothing started").singleElement().asString()
                .startsWith("dtc-simulator: the admin API would listen on 0.0.0.0, beyond loopback, without a token")
                .contains("--admin-token-file").contains(TOKEN_VARIABLE);
    }

    @Test
    void withATokenFileTheJarListensBeyondLoopbackAndWantsTheBearerToken(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, "file-token-6f1d\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        try (SimulatorJar jar = new SimulatorJar(Collections.singletonMap(TOKEN_VARIABLE, null), "0.0.0.0",
                "--admin-port", "0", "--admin-token-file", tokenFile.toString())) {
            assertBearerTokenRequired(jar, "file-token-6f1d");
            assertThat(jar.output()).noneMatch(l -> l.contains("file-token-6f1d"))
                    .noneMatch(l -> l.contains("readable by other users"));
        }
    }

    @Test
    void theTokenCanComeFromTheEnvironmentAndOnTheCommandLineItIsWarnedAgainst() throws Exception {
        try (SimulatorJar jar = new SimulatorJar(Map.of(TOKEN_VARIABLE, "env-token-29ab"), "0.0.0.0", "--admin-port", "0")) {
            assertBearerTokenRequired(jar, "env-token-29ab");
        }
        try (SimulatorJar jar = new SimulatorJar(Collections.singletonMap(TOKEN_VARIABLE, null), "127.0.0.1",
                "--admin-port", "0", "--admin-token", "cli-token-77c0")) {
            assertBearerTokenRequired(jar, "cli-token-77c0");
            assertThat(jar.output()).anyMatch(l -> l.contains("WARN")
                    && l.contains("--admin-token is visible to every local user"));
        }
    }

    private static void assertBearerTokenRequired(SimulatorJar jar, String token) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jar.output().stream()
                .anyMatch(l -> l.contains("admin API on http://")));
        AdminHttp admin = new AdminHttp(jar.adminPort());
        HttpResponse<String> without = admin.get("/sessions");
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("Authorization: Bearer");
        assertThat(admin.send("GET", "/sessions", null, "Authorization", "Bearer wrong-" + token).statusCode())
                .isEqualTo(401);
        assertThat(admin.send("GET", "/sessions", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(admin.send("POST", "/reset", null, "Authorization", "Bearer " + token,
                "Content-Type", "application/json").statusCode()).isEqualTo(200);
    }
}
