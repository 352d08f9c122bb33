package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.OrderEngineAcceptanceTest.marketOrder;
import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.OrderView;
import dev.dtcharness.simulator.persist.JsonLinesExchangeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator started again on its state directory carries on where the last one stopped. */
class PersistedStateAcceptanceTest {
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

    private WireClient client() {
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }

    @Test
    void shouldRestoreWorkingOrdersFillsPositionsAndBalancesAfterARestart() {
        start();
        try (WireClient client = client()) {
            client.send(limitOrder("P-1", "BUY", 5, 4400));
            client.send(limitOrder("P-2", "SELL", 1, 4600));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("P-2"));
        }
        String resting = simulator.exchange().workingOrder("P-1").serverOrderId();
        simulator.exchange().fill(resting, 2, 4400);
        simulator.exchange().fill(simulator.exchange().workingOrder("P-2").serverOrderId());
        List<OrderView> working = simulator.exchange().workingOrders();
        List<Fill> fills = simulator.exchange().fills();
        double cash = simulator.exchange().cashBalance("Sim1");
        simulator.close();

        start();
        assertThat(simulator.exchange().workingOrders()).isEqualTo(working);
        assertThat(simulator.exchange().fills()).isEqualTo(fills);
        assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isEqualTo(1);
        assertThat(simulator.exchange().cashBalance("Sim1")).isEqualTo(cash).isNotEqualTo(100_000);
        try (WireClient client = client()) {
            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 3).set("TradeAccount", "Sim1"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < fills.size(); i++) {
                ids.add(client.receive("HISTORICAL_ORDER_FILL_RESPONSE").getString("UniqueExecutionID"));
            }
            assertThat(ids).containsExactlyElementsOf(fills.stream().map(Fill::executionId).toList());

            client.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", resting).set("ClientOrderID", "P-1"));
            DtcMessage canceled = client.receive("ORDER_UPDATE");
            assertThat(canceled.enumName("OrderStatus")).as("the restored order can still be canceled")
                    .isEqualTo("ORDER_STATUS_CANCELED");
            assertThat(canceled.getDouble("FilledQuantity")).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepCountingIdsAndRejectUsedClientOrderIdsAfterARestart() {
        start();
        String firstServerOrderId;
        try (WireClient client = client()) {
            client.send(marketOrder("U-1", "BUY", 1));
            DtcMessage filled = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            firstServerOrderId = filled.getString("ServerOrderID");
        }
        String firstExecution = simulator.exchange().fills().get(0).executionId();
        simulator.close();

        start();
        try (WireClient client = client()) {
            client.send(marketOrder("U-1", "BUY", 1));
            DtcMessage reused = client.receive("ORDER_UPDATE");
            assertThat(reused.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reused.getString("InfoText")).contains("U-1 was already used");

            client.send(marketOrder("U-2", "BUY", 1));
            DtcMessage filled = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            assertThat(filled.getString("ServerOrderID")).isNotEqualTo(firstServerOrderId);
            assertThat(filled.getString("LastFillExecutionID")).isNotEqualTo(firstExecution);
        }
        assertThat(simulator.exchange().fills()).extracting(Fill::executionId).doesNotHaveDuplicates().hasSize(2);
        assertThat(simulator.exchange().position("Sim1", "ES").quantity()).isEqualTo(2);
    }

    @Test
    void shouldKeepCountingIdsAfterAReset() {
        start();
        try (WireClient client = client()) {
            client.send(marketOrder("R-1", "BUY", 1));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
        }
        simulator.exchange().reset();
        simulator.close();

        start();
        assertThat(simulator.exchange().fills()).isEmpty();
        try (WireClient client = client()) {
            client.send(marketOrder("R-1", "BUY", 1));
            DtcMessage filled = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            assertThat(filled.getString("ServerOrderID")).as("ids outlive a reset").isEqualTo("S2");
            assertThat(filled.getString("LastFillExecutionID")).isEqualTo("E2");
        }
    }

    @Test
    void shouldIgnoreATornLastEventWithAWarningAndAppendAfterIt() throws Exception {
        start();
        try (WireClient client = client()) {
            client.send(marketOrder("T-1", "BUY", 1));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
        }
        simulator.close();
        Path file = dir.resolve(JsonLinesExchangeStore.FILE_NAME);
        long intact = Files.size(file);
        Files.writeString(file, "{\"event\":\"fill\",\"fill\":{\"executionId\":\"E9", StandardOpenOption.APPEND);

        try (LogCapture log = new LogCapture()) {
            start();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains(file.toString())
                    .contains("from byte " + intact + " on").contains("ignored"));
        }
        assertThat(simulator.exchange().fills()).singleElement().satisfies(f -> assertThat(f.executionId()).isEqualTo("E1"));
        try (WireClient client = client()) {
            client.send(marketOrder("T-2", "BUY", 1));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
        }
        simulator.close();

        start();
        assertThat(simulator.exchange().fills()).extracting(Fill::executionId).containsExactly("E1", "E2");
    }

    @Test
    void shouldRefuseASecondSimulatorOnTheSameStateDirectory() {
        start();
        assertThatThrownBy(() -> DtcSimulator.start(SimulatorConfig.builder().dynamicPort().stateDirectory(dir).build()))
                .hasMessageContaining("in use by another simulator");
    }
}
