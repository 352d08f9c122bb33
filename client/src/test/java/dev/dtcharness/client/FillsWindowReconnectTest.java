package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a reconnect the fills request starts shortly before the last fill the client read
 * (StartDateTime), not a whole day back: a dropped connection loses the tail of its stream only.
 * A fills answer cut short by a drop must not move that start, for what it did not deliver may be older.
 */
class FillsWindowReconnectTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ReconnectPolicy FAST = ReconnectPolicy.backoff(Duration.ofMillis(20), Duration.ofMillis(100), 100);
    private static final long FILL_SECONDS = 1_764_000_000L;

    @Test
    void shouldAskForFillsFromTheOverlapBeforeTheLastFillReadAfterAReconnect() {
        server = new FakeServer(answers(new AtomicInteger(), Integer.MAX_VALUE));
        client = connect(DtcClientConfig.builder().fillsOverlap(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> client.reconciliations() >= 1);

        server.dropClients();

        await().atMost(WAIT).until(() -> server.received("HISTORICAL_ORDER_FILLS_REQUEST").size() >= 2);
        List<DtcMessage> requests = server.received("HISTORICAL_ORDER_FILLS_REQUEST");
        assertThat(requests.get(0).getLong("StartDateTime")).as("the first round asks for whole days").isZero();
        assertThat(requests.get(0).getLong("NumberOfDays")).isEqualTo(1);
        assertThat(requests.get(1).getLong("StartDateTime")).isEqualTo(FILL_SECONDS + 5 - 600);
        assertThat(requests.get(1).getLong("NumberOfDays")).as("kept for servers that want it set").isEqualTo(1);
    }

    @Test
    void shouldStartTheFirstFillsRequestAfterARestartFromTheLastFillInTheHistoryDatabase(@TempDir Path dir) {
        server = new FakeServer(answers(new AtomicInteger(), Integer.MAX_VALUE));
        Path db = dir.resolve("history.db");
        DtcClient first = connect(DtcClientConfig.builder().historyDatabase(db).fillsOverlap(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> first.reconciliations() >= 1 && first.historyDatabase().fills().size() == 2);
        first.close();

        client = connect(DtcClientConfig.builder().historyDatabase(db).fillsOverlap(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> server.received("HISTORICAL_ORDER_FILLS_REQUEST").size() >= 2);

        List<DtcMessage> requests = server.received("HISTORICAL_ORDER_FILLS_REQUEST");
        assertThat(requests.get(0).getLong("StartDateTime")).as("nothing counted yet: whole days").isZero();
        assertThat(requests.get(1).getLong("StartDateTime")).as("restarted with both fills on record")
                .isEqualTo(FILL_SECONDS + 5 - 600);
        await().atMost(WAIT).until(() -> client.reconciliations() >= 1);
        assertThat(client.orderBook().ledger().size()).as("the fills answered again are not counted twice").isEqualTo(2);
    }

    @Test
    void shouldNotMoveTheStartOnAFillsAnswerCutShortByADrop() {
        AtomicInteger answered = new AtomicInteger();
        server = new FakeServer(answers(answered, 1));
        client = connect(DtcClientConfig.builder());
        await().atMost(WAIT).until(() -> answered.get() >= 1 && client.orderBook().ledger().size() >= 1);

        server.dropClients();

        await().atMost(WAIT).until(() -> server.received("HISTORICAL_ORDER_FILLS_REQUEST").size() >= 2);
        assertThat(server.received("HISTORICAL_ORDER_FILLS_REQUEST").get(1).getLong("StartDateTime"))
                .as("half an answer read: the next one must go back the whole days again").isZero();
    }

    @Test
    void shouldAskForWholeDaysEveryTimeWithoutAnOverlap() {
        server = new FakeServer(answers(new AtomicInteger(), Integer.MAX_VALUE));
        client = connect(DtcClientConfig.builder().fillsOverlap(null));
        await().atMost(WAIT).until(() -> client.reconciliations() >= 1);

        server.dropClients();

        await().atMost(WAIT).until(() -> server.received("HISTORICAL_ORDER_FILLS_REQUEST").size() >= 2);
        assertThat(server.received("HISTORICAL_ORDER_FILLS_REQUEST")).extracting(r -> r.getLong("StartDateTime"))
                .containsOnly(0L);
    }

    private DtcClient connect(DtcClientConfig.Builder config) {
        DtcClient c = new DtcClient(config.port(server.port()).reconnect(FAST).reconcileOnConnect(true).build());
        client = c;
        c.connect();
        return c;
    }

    /**
     * No open orders; each fills answer holds two fills, the later (FILL_SECONDS + 5) first, since DTC
     * promises no order. The first answer stops after {@code cutAfter} of its two messages.
     */
    private static FakeServer.Behaviour answers(AtomicInteger answered, int cutAfter) {
        return (m, peer) -> {
            if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("TotalNumMessages", 1)
                        .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE").set("NoOrders", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                int round = answered.incrementAndGet();
                List<DtcMessage> fills = List.of(fill(m, 1, "E2", FILL_SECONDS + 5), fill(m, 2, "E1", FILL_SECONDS));
                int send = round == 1 ? Math.min(cutAfter, fills.size()) : fills.size();
                fills.subList(0, send).forEach(peer::send);
            }
        };
    }

    private static DtcMessage fill(DtcMessage request, int number, String executionId, long seconds) {
        return DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", request.getLong("RequestID"))
                .set("TotalNumberMessages", 2).set("MessageNumber", number).set("Symbol", "ES").set("TradeAccount", "SIM1")
                .set("ServerOrderID", "S" + executionId).setEnum("BuySell", "BUY").set("Price", 100.0).set("Quantity", 1.0)
                .set("UniqueExecutionID", executionId).set("DateTime", seconds);
    }
}
