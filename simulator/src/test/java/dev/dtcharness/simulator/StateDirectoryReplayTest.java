package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.OrderEngineAcceptanceTest.marketOrder;
import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.OrderView;
import dev.dtcharness.simulator.persist.JsonLinesExchangeStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a client sent and whatever the state file holds, a simulator restarted on its state
 * directory starts and serves: lines it cannot use are skipped with one WARN each naming the line
 * and its byte offset, a fill written twice counts once, and the lines around them still apply.
 */
class StateDirectoryReplayTest {
    /** The file the simulator wrote before this fix for an order priced 1e400, with a bad line and a repeated fill. */
    private static final String HOSTILE = "/dev/dtcharness/simulator/persist/hostile-exchange.jsonl";

    @TempDir
    Path dir;
    private DtcSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private DtcSimulator start() {
        simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().stateDirectory(dir)
                .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());
        return simulator;
    }

    private Path file() {
        return dir.resolve(JsonLinesExchangeStore.FILE_NAME);
    }

    @Test
    void shouldRestartAndServeAfterAClientSentAnOrderPricedAt1e400() {
        start();
        try (WireClient hostile = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            // JSON reads 1e400 as Infinity; whether the exchange takes or refuses it, the state file must stay readable.
            hostile.sendRaw("{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"Sim1\",\"ClientOrderID\":\"HUGE-1\","
                    + "\"BuySell\":1,\"OrderType\":2,\"Price1\":1e400,\"Quantity\":1,\"TimeInForce\":1}\0");
            hostile.send(limitOrder("AFTER-1", "BUY", 1, 4400));
            // The session's orders are taken in turn: once the second rests, the first is decided and kept.
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.exchange().workingOrder("AFTER-1") != null);
        }
        List<OrderView> orders = simulator.exchange().orders();
        List<Fill> fills = simulator.exchange().fills();
        double position = simulator.exchange().position("Sim1", "ES").quantity();
        simulator.close();

        try (LogCapture log = new LogCapture()) {
            start();
            assertThat(log.lines()).as("nothing the simulator wrote is skipped").noneMatch(l -> l.contains("skipped"));
        }
        assertThat(simulator.exchange().orders()).isEqualTo(orders);
        assertThat(simulator.exchange().fills()).isEqualTo(fills);
        assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isEqualTo(position);
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(marketOrder("SERVED-1", "BUY", 1));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("SERVED-1")
                    && m.getInt("OrderStatus") == 7).getDouble("FilledQuantity")).isEqualTo(1);
        }
    }

    @Test
    void shouldStartOnTheFileAnOrderPricedAt1e400LeftBeforeThisFix() throws Exception {
        byte[] hostile = resource(HOSTILE);
        Files.write(file(), hostile);
        List<String> lines = Files.readAllLines(file());

        try (LogCapture log = new LogCapture()) {
            start();
            // A line that does not read is named as the file is read; those the exchange refuses, as they replay.
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).satisfiesExactly(
                    bad -> assertThat(bad).contains(file().toString()).contains("line 4 (from byte " + offsetOf(lines, 4) + ")")
                            .contains("skipped").contains("Price1 is \"a lot\""),
                    order -> assertThat(order).contains("line 2 (from byte " + offsetOf(lines, 2) + ")")
                            .contains("the exchange refused it").contains("order S1: price1 is Infinity"),
                    fill -> assertThat(fill).contains("line 3 (from byte " + offsetOf(lines, 3) + ")")
                            .contains("fill E1: price is Infinity"),
                    again -> assertThat(again).contains("line 5 (from byte " + offsetOf(lines, 5) + ")")
                            .contains("fill E1: price is Infinity"),
                    refused -> assertThat(refused).contains("line 8 (from byte " + offsetOf(lines, 8) + ")")
                            .contains("the exchange refused it").contains("fill E7"));
        }
        assertThat(simulator.exchange().fills()).as("no value a market cannot have comes back").isEmpty();
        assertThat(simulator.exchange().orders()).extracting(OrderView::serverOrderId).containsExactly("S2");
        assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isZero();
        assertThat(simulator.exchange().workingOrder("H-2")).as("the lines after the bad one apply").isNotNull();
        assertThat(simulator.exchange().workingOrder("H-X")).as("nothing of the bad line applies").isNull();
        assertThat(Files.readAllBytes(file())).as("a skipped line stays in the file for the operator").isEqualTo(hostile);

        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(marketOrder("H-2", "BUY", 1));
            assertThat(client.receive("ORDER_UPDATE").getString("InfoText")).contains("H-2 was already used");
            client.send(marketOrder("H-3", "BUY", 1));
            DtcMessage filled = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            assertThat(filled.getString("ServerOrderID")).as("ids go on after the file's, refused ones too")
                    .isEqualTo("S9");
            assertThat(filled.getString("LastFillExecutionID")).isEqualTo("E8");
        }
    }

    @Test
    void shouldReplayAFillWrittenTwiceOnce() throws Exception {
        start();
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(marketOrder("TWICE-1", "BUY", 2));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
        }
        simulator.close();
        List<String> lines = Files.readAllLines(file());
        String fillLine = lines.stream().filter(l -> l.startsWith("{\"event\":\"fill\"")).findFirst().orElseThrow();
        Files.writeString(file(), fillLine + "\n", StandardOpenOption.APPEND);

        try (LogCapture log = new LogCapture()) {
            start();
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN").contains(file().toString())
                    .contains("line " + (lines.size() + 1) + " (from byte " + offsetOf(lines, lines.size() + 1) + ")")
                    .contains("fill E1 was replayed already"));
        }
        assertThat(simulator.exchange().fills()).extracting(Fill::executionId).containsExactly("E1");
        assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isEqualTo(2);
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 4).set("TradeAccount", "Sim1"));
            DtcMessage first = client.receive("HISTORICAL_ORDER_FILL_RESPONSE");
            assertThat(first.getString("UniqueExecutionID")).isEqualTo("E1");
            assertThat(first.getInt("TotalNumberMessages")).as("one fill listed").isEqualTo(1);
        }
    }

    @Test
    void shouldSkipABadMiddleLineWithAWarningAndApplyTheLinesAfterIt() throws Exception {
        Files.writeString(file(), "{\"event\":\"clientOrderId\",\"clientOrderId\":\"A\"}\nnot json\n"
                + "{\"event\":\"clientOrderId\",\"clientOrderId\":\"B\"}\n{\"event\":\"fill\"}\n"
                + "{\"event\":\"clientOrderId\",\"clientOrderId\":\"C\"}\n");
        List<String> lines = Files.readAllLines(file());

        try (LogCapture log = new LogCapture()) {
            start();
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).satisfiesExactly(
                    notJson -> assertThat(notJson).contains(file().toString())
                            .contains("line 2 (from byte " + offsetOf(lines, 2) + ") skipped").contains("not a state event"),
                    noFill -> assertThat(noFill).contains("line 4 (from byte " + offsetOf(lines, 4) + ") skipped")
                            .contains("no \"fill\""));
        }
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            for (String used : List.of("A", "B", "C")) {
                client.send(marketOrder(used, "BUY", 1));
                assertThat(client.receive("ORDER_UPDATE").getString("InfoText")).contains(used + " was already used");
            }
        }
    }

    /** The byte offset line {@code number} (from 1) starts at, counted from the lines themselves. */
    private static long offsetOf(List<String> lines, int number) {
        long offset = 0;
        for (int i = 0; i < number - 1; i++) {
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return offset;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = StateDirectoryReplayTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
