package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.protocol.DtcMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client process killed while fills arrive, then restarted: every fill is on disk exactly once. */
class CrashRecoveryTest {
    private static final int FILLS = 50;

    @TempDir
    Path dir;
    private FakeServer server;
    private Process child;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldHoldEveryFillExactlyOnceAfterBeingKilledMidStream() throws Exception {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                streamFills(m, peer, 1);
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("TotalNumMessages", 1)
                        .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("NoOrders", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                for (int i = 1; i <= FILLS; i++) {
                    peer.send(DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", m.getLong("RequestID"))
                            .set("TotalNumberMessages", FILLS).set("MessageNumber", i).set("Symbol", "ES")
                            .set("ServerOrderID", "S1").setEnum("BuySell", "BUY").set("Price", 100 + i).set("Quantity", 1)
                            .set("UniqueExecutionID", "E" + i).set("TradeAccount", "Sim1"));
                }
            }
        });

        child = start("first");
        Path db = dir.resolve("history.db");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(db));
        try (OrderHistoryDb reader = new OrderHistoryDb(db)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .failFast("the client process ended", () -> !child.isAlive())
                    .until(() -> reader.fills().size() >= 5);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("no fills recorded; the client said: " + Files.readString(dir.resolve("first.log")), e);
        }
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int before;
        try (OrderHistoryDb reader = new OrderHistoryDb(db)) {
            before = reader.fills().size();
        }
        assertThat(before).as("killed while fills were still arriving").isBetween(5, FILLS - 1);

        child = start("restart");
        assertThat(child.waitFor(40, TimeUnit.SECONDS)).as("the restarted client finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("restart.log"))).isZero();

        try (OrderHistoryDb reader = new OrderHistoryDb(db)) {
            assertThat(reader.fills()).hasSize(FILLS).extracting(Fill::executionId).doesNotHaveDuplicates();
            assertThat(reader.fills().stream().mapToDouble(Fill::quantity).sum()).isEqualTo(FILLS);
            assertThat(reader.orders()).singleElement().satisfies(o -> {
                assertThat(o.statusName()).isEqualTo("ORDER_STATUS_FILLED");
                assertThat(o.filledQuantity()).isEqualTo(FILLS);
            });
        }
        StateFile.State state = new StateFile(dir.resolve("state.json")).read();
        assertThat(state.openOrders()).isEmpty();
        assertThat(state.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(FILLS));
    }

    /** One fill every 20 ms, as an exchange working a large order would. */
    private static void streamFills(DtcMessage order, FakeServer.Peer peer, int i) {
        if (i > FILLS || !peer.channel().isActive()) {
            return;
        }
        boolean last = i == FILLS;
        peer.send(DtcClientTest.fill(DtcClientTest.update(order, "S1", last ? "ORDER_STATUS_FILLED" : "ORDER_STATUS_PARTIALLY_FILLED",
                last ? "ORDER_FILLED" : "ORDER_FILLED_PARTIALLY", i), 100 + i, "E" + i).set("LastFillQuantity", 1));
        peer.channel().eventLoop().schedule(() -> streamFills(order, peer, i + 1), 20, TimeUnit.MILLISECONDS);
    }

    private Process start(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingClientMain.class.getName(),
                Integer.toString(server.port()), dir.toString(), mode)
                .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), mode + ".log")).start();
    }
}
