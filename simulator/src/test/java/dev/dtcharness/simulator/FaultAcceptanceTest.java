package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import dev.dtcharness.simulator.dsl.Scenarios;
import dev.dtcharness.simulator.script.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on demand, as a client's socket sees them. */
class FaultAcceptanceTest {
    private static final long SEED = 7;
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().seed(SEED).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldCloseCleanlyOrWithAResetAndLeaveOtherSessionsAlone() {
        try (WireClient clean = client(); WireClient reset = client(); WireClient bystander = client()) {
            simulator.faults().disconnect(1, false);
            simulator.faults().disconnect(2, true);
            assertThat(clean.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(reset.closedWithin(Duration.ofSeconds(5))).isTrue();
            bystander.send(limitOrder("B-1", "BUY", 1, 10));
            assertThat(bystander.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).isEqualTo("B-1");
        }
    }

    @Test
    void shouldRefuseNewConnectionsForAWhileThenAcceptThemAgain() {
        simulator.faults().refuseConnectionsFor(Duration.ofMillis(300));
        try (WireClient refused = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            assertThat(refused.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().untilAsserted(() -> {
            try (WireClient later = client()) {
                assertThat(later.isOpen()).isTrue();
            }
        });
    }

    @Test
    void shouldGoSilentAndAnswerNothing() {
        try (WireClient client = client()) {
            simulator.faults().silence(1, null);
            client.send(limitOrder("Q-1", "BUY", 1, 10));
            assertThat(client.nothingWithin(Duration.ofMillis(800))).isTrue();
            simulator.journal().verify().received("SUBMIT_NEW_SINGLE_ORDER").with("ClientOrderID", "Q-1")
                    .within(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldDelayTheNthMessageKeepingTheOrder() {
        try (WireClient client = client()) {
            simulator.faults().delayNthMessage(1, 2, Duration.ofMillis(600));
            long start = System.nanoTime();
            client.send(limitOrder("D-1", "BUY", 1, 10));
            DtcMessage first = client.receive("ORDER_UPDATE");
            DtcMessage second = client.receive("ORDER_UPDATE");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(first.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_PENDING_OPEN");
            assertThat(second.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_OPEN");
            assertThat(elapsedMillis).as("the second message waited").isGreaterThanOrEqualTo(500);
            assertThat(client.receive("ORDER_UPDATE").getInt("OrderStatus")).isEqualTo(7);
        }
    }

    @Test
    void shouldSendSeededGarbage() {
        try (WireClient client = client()) {
            simulator.faults().sendGarbage(1, 16);
            byte[] expected = new byte[16];
            new Random(SEED + 1).nextBytes(expected);
            assertThat(client.readRawBytes(16)).isEqualTo(expected);
        }
    }

    @Test
    void shouldLogOffWithDoNotReconnect() {
        try (WireClient client = client()) {
            simulator.faults().logoff(1, "maintenance");
            DtcMessage logoff = client.receive("LOGOFF");
            assertThat(logoff.getLong("DoNotReconnect")).isEqualTo(1);
            assertThat(logoff.getString("Reason")).isEqualTo("maintenance");
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void shouldSliceFramesIntoSmallWritesThatStillReassemble() {
        simulator.faults().sliceFrames(3);
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            client.send(limitOrder("SL-1", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).isEqualTo("SL-1");
        }
    }

    @Test
    void shouldSendTheNextOrderUpdateTwice() {
        try (WireClient client = client()) {
            simulator.faults().duplicateOrderUpdates(1, 1);
            client.send(limitOrder("DU-1", "BUY", 1, 10));
            List<String> statuses = statusesUntilFilled(client);
            assertThat(statuses).containsExactly("ORDER_STATUS_PENDING_OPEN", "ORDER_STATUS_PENDING_OPEN",
                    "ORDER_STATUS_OPEN", "ORDER_STATUS_FILLED");
            assertThat(simulator.faults().duplicatedUpdates()).isEqualTo(1);
        }
    }

    @Test
    void shouldSendAnOrderUpdateAfterTheOneBehindIt() {
        try (WireClient client = client()) {
            simulator.faults().reorderOrderUpdates(1, 1);
            client.send(limitOrder("RO-1", "BUY", 1, 10));
            List<String> statuses = statusesUntilCount(client, 3);
            assertThat(statuses).containsExactly("ORDER_STATUS_OPEN", "ORDER_STATUS_PENDING_OPEN", "ORDER_STATUS_FILLED");
            assertThat(simulator.faults().reorderedUpdates()).isEqualTo(1);
        }
    }

    @Test
    void shouldDuplicateAndReorderAsScenarioSteps() {
        simulator.exchange().useScenario(Scenarios.scenario("shuffled")
                .otherwise(Step.reorder(1), Step.accept(), Step.duplicate(1), Step.fill()).build());
        try (WireClient client = client()) {
            client.send(limitOrder("SC-1", "BUY", 1, 10));
            List<String> statuses = statusesUntilCount(client, 4);
            assertThat(statuses).containsExactly("ORDER_STATUS_OPEN", "ORDER_STATUS_PENDING_OPEN",
                    "ORDER_STATUS_FILLED", "ORDER_STATUS_FILLED");
        }
    }

    private static List<String> statusesUntilFilled(WireClient client) {
        List<String> statuses = new ArrayList<>();
        DtcMessage m;
        do {
            m = client.receive("ORDER_UPDATE");
            statuses.add(m.enumName("OrderStatus"));
        } while (m.getInt("OrderStatus") != 7);
        return statuses;
    }

    private static List<String> statusesUntilCount(WireClient client, int count) {
        List<String> statuses = new ArrayList<>();
        while (statuses.size() < count) {
            statuses.add(client.receive("ORDER_UPDATE").enumName("OrderStatus"));
        }
        return statuses;
    }

    private WireClient client() {
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }
}
