package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static dev.dtcharness.simulator.dsl.Scenarios.order;
import static dev.dtcharness.simulator.dsl.Scenarios.scenario;
import static dev.dtcharness.simulator.script.Step.accept;
import static dev.dtcharness.simulator.script.Step.fill;
import static dev.dtcharness.simulator.script.Step.partialFill;
import static dev.dtcharness.simulator.script.Step.waitMillis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.script.Scenario;
import dev.dtcharness.simulator.script.ScenarioLoader;
import dev.dtcharness.simulator.script.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios decide the replies; a file and the equivalent DSL answer the same orders identically. */
class ScenarioAcceptanceTest {

    @Test
    void shouldAnswerIdenticallyWithTheScenarioFileAndTheEquivalentDsl() {
        Scenario fromFile = ScenarioLoader.load(Path.of("src/main/resources/dev/dtcharness/simulator/scenarios/partial-fills.yaml"));
        Scenario fromDsl = scenario("partial-fills")
                .when(order().symbol("ES")).reply(accept(), partialFill(1), waitMillis(50), fill())
                .otherwise(accept(), fill())
                .build();

        List<String> byFile = replies(fromFile);
        List<String> byDsl = replies(fromDsl);

        assertThat(byFile).hasSize(6).isEqualTo(byDsl);
        assertThat(byFile.get(1)).contains("OrderStatus=10").contains("FilledQuantity=1.0");
    }

    @Test
    void shouldRejectEveryOrderWithTheScenarioText() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .scenario(ScenarioLoader.load("reject-all")).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("RJ-1", "BUY", 1, 10));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("trading is halted");
            assertThat(reject.getString("ClientOrderID")).isEqualTo("RJ-1");
        }
    }

    @Test
    void shouldApplyARuleToTheNthMatchingOrderOnlyAndResetTheConnectionAsAStep() {
        Scenario s = scenario("second-resets")
                .when(order().nth(2)).reply(accept(), Step.reset())
                .otherwise(accept(), fill())
                .build();
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().scenario(s).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("N-1", "BUY", 1, 10));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            client.send(limitOrder("N-2", "BUY", 1, 10));
            assertThat(client.closedWithin(Duration.ofSeconds(5))).as("the second order's rule resets").isTrue();
            assertThat(sim.exchange().workingOrder("N-2")).as("the order rests for the resync").isNotNull();
        }
    }

    @Test
    void shouldSwitchScenariosAtRunTime() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            sim.exchange().useScenario(scenario("rest").otherwise(accept()).build());
            client.send(limitOrder("S-1", "BUY", 1, 10));
            client.receive("ORDER_UPDATE");
            assertThat(sim.exchange().workingOrder("S-1")).isNotNull();
        }
    }

    /** Three orders (ES twice, NQ once) answered under {@code scenario}: the ORDER_UPDATEs without their clocks. */
    private static List<String> replies(Scenario scenario) {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .acceptVariant(AcceptVariant.OPEN).scenario(scenario).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("D-1", "BUY", 2, 4500));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                out.add(withoutClocks(client.receive("ORDER_UPDATE")));
            }
            DtcMessage nq = limitOrder("D-2", "SELL", 1, 15800).set("Symbol", "NQ");
            client.send(nq);
            for (int i = 0; i < 2; i++) {
                out.add(withoutClocks(client.receive("ORDER_UPDATE")));
            }
            client.send(DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", 1));
            out.add(withoutClocks(client.receive("ORDER_UPDATE")));
            return out;
        }
    }

    private static String withoutClocks(DtcMessage m) {
        DtcMessage copy = m.copy();
        for (String clock : new String[] {"LatestTransactionDateTime", "OrderReceivedDateTime", "LastFillDateTime"}) {
            copy.set(clock, null);
        }
        return copy.toString();
    }
}
