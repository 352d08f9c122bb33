package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.Transition.Verdict;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A server that sends an ORDER_UPDATE twice, or an older one after a newer one (the simulator's duplicate and reorder faults). */
class RepeatedAndReorderedUpdatesTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldCountAFillSentTwiceOnceForTheOrderTheListenersAndThePosition() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                DtcMessage filled = fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 100, "E1")
                        .setEnum("BuySell", "BUY");
                peer.send(filled);
                peer.send(filled.copy());
            }
        });
        client = connect();
        List<Fill> heard = new CopyOnWriteArrayList<>();
        client.onFill((f, o) -> heard.add(f));
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 100));

        await().atMost(WAIT).until(() -> order.current().updateCount() == 2);

        assertThat(order.current().filledQuantity()).isEqualTo(2);
        assertThat(order.fills()).extracting(Fill::executionId).containsExactly("E1");
        assertThat(heard).hasSize(1);
        assertThat(client.positions().position("Sim1", "ES").quantity()).isEqualTo(2);
        assertThat(client.orderBook().ledger().size()).isEqualTo(1);
    }

    @Test
    void shouldNeverMoveAnOrderBackWhenOlderUpdatesArriveAfterNewerOnes() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                DtcMessage pending = update(m, "S1", "ORDER_STATUS_PENDING_OPEN", "NEW_ORDER_ACCEPTED", 0);
                DtcMessage open = update(m, "S1", "ORDER_STATUS_OPEN", "GENERAL_ORDER_UPDATE", 0);
                DtcMessage partial = fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 99, "E1");
                DtcMessage filled = update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 3).set("AverageFillPrice", 99.5)
                        .set("LastFillPrice", 99.75).set("LastFillQuantity", 2).set("LastFillExecutionID", "E2");
                // Each pair swapped, as the reorder fault sends them.
                for (DtcMessage u : List.of(open, pending, filled, partial)) {
                    peer.send(u);
                }
            }
        });
        client = connect();
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 3, 100));

        await().atMost(WAIT).until(() -> order.current().updateCount() == 4);

        Order o = order.current();
        assertThat(o.statusName()).isEqualTo("ORDER_STATUS_FILLED");
        assertThat(o.filledQuantity()).as("not lowered by the older partial fill").isEqualTo(3);
        assertThat(o.remainingQuantity()).isZero();
        assertThat(o.averageFillPrice()).as("VWAP of both fills").isEqualTo((99 + 2 * 99.75) / 3);
        assertThat(o.lastFillExecutionId()).as("the older fill is counted, not made the latest").isEqualTo("E2");
        assertThat(order.fills()).extracting(Fill::executionId).containsExactlyInAnyOrder("E1", "E2");
        assertThat(order.transitions()).extracting(Transition::verdict)
                .containsExactly(Verdict.ACCEPTED, Verdict.HELD, Verdict.ACCEPTED, Verdict.STALE);
    }

    @Test
    void shouldKeepTheHigherFilledQuantityAndItsAverageWhenAnOlderUpdateFollowsWithoutFills() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                // The first fill (E1) was missed; the newer update says 3 filled at 101 on average.
                peer.send(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 3)
                        .set("AverageFillPrice", 101).set("LastFillPrice", 102).set("LastFillQuantity", 1)
                        .set("LastFillExecutionID", "E3"));
                peer.send(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "GENERAL_ORDER_UPDATE", 2).set("AverageFillPrice", 100.5));
            }
        });
        client = connect();
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 4, 102));

        await().atMost(WAIT).until(() -> order.current().updateCount() == 2);

        assertThat(order.current().filledQuantity()).isEqualTo(3);
        assertThat(order.current().remainingQuantity()).isEqualTo(1);
        assertThat(order.current().averageFillPrice()).as("the older average does not come back").isEqualTo(101);
        assertThat(order.current().lastFillExecutionId()).isEqualTo("E3");
    }

    private DtcClient connect() {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.port()).build());
        client = c;
        c.connect();
        return c;
    }
}
