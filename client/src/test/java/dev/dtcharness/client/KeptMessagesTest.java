package dev.dtcharness.client;

import dev.dtcharness.client.internal.routing.MessageRouter;
import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The client decodes binary ORDER_UPDATEs and POSITION_UPDATEs into one message each, whoever listens:
 * an order listener is lent that message as a view (it keeps a copy), and an app's message listener
 * gets a copy of its own that stays as it arrived, however many follow in the same read.
 */
class KeptMessagesTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldHandAnAppsMessageListenerMessagesThatStayAsTheyArrived() {
        server = new FakeServer(KeptMessagesTest::acceptThenFill);
        client = connect();
        List<DtcMessage> kept = new CopyOnWriteArrayList<>();
        client.onMessage("ORDER_UPDATE", kept::add);
        List<OrderHandle> orders = submitThree();

        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> o.current().isFilled()));

        assertThat(kept).hasSize(6);
        assertThat(distinct(kept)).as("a message of its own each").hasSize(6);
        assertThat(kept).extracting(m -> m.getString("ServerOrderID") + " " + m.enumName("OrderStatus")).containsExactly(
                "S1 ORDER_STATUS_OPEN", "S1 ORDER_STATUS_FILLED", "S2 ORDER_STATUS_OPEN", "S2 ORDER_STATUS_FILLED",
                "S3 ORDER_STATUS_OPEN", "S3 ORDER_STATUS_FILLED");
    }

    @Test
    void shouldLendAnAppsOrderListenerTheUpdateThatMadeEachChangeToCopyAndKeep() {
        server = new FakeServer(KeptMessagesTest::acceptThenFill);
        client = connect();
        List<Order> after = new CopyOnWriteArrayList<>();
        List<DtcMessage> updates = new CopyOnWriteArrayList<>();
        Set<Object> lent = Collections.newSetFromMap(new IdentityHashMap<>());
        client.onOrderUpdate((order, update) -> {
            after.add(order);
            lent.add(update);
            updates.add(update.copy());
        });
        List<OrderHandle> orders = submitThree();

        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> o.current().isFilled()));

        assertThat(lent).as("the update is lent: the one message the codec decodes every ORDER_UPDATE into").hasSize(1);
        assertThat(distinct(updates)).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(updates.get(i).getString("ServerOrderID")).isEqualTo(after.get(i).serverOrderId());
            assertThat(updates.get(i).getLong("OrderStatus")).isEqualTo(after.get(i).status());
        }
    }

    @Test
    void shouldLetTheCodecReuseOnlyTheTwoOrderMessagesWhoeverListens() {
        MessageRouter router = new MessageRouter(new OrderBook(), new ProblemCounter());
        DtcSpec spec = DtcSpec.v8();
        router.onMessageInside("POSITION_UPDATE", m -> { });
        assertThat(router.lettingGo(spec.message("ORDER_UPDATE"))).isTrue();
        assertThat(router.lettingGo(spec.message("POSITION_UPDATE"))).isTrue();
        assertThat(router.lettingGo(spec.message("ACCOUNT_BALANCE_UPDATE"))).isFalse();
        assertThat(router.lettingGo(spec.message("LOGON_RESPONSE"))).isFalse();

        router.onOrderUpdate((order, update) -> { }).close();
        assertThat(router.lettingGo(spec.message("ORDER_UPDATE"))).as("an order listener is lent a view").isTrue();
        router.onMessage("POSITION_UPDATE", m -> { });
        router.onMessage("ORDER_UPDATE", m -> { });
        assertThat(router.lettingGo(spec.message("POSITION_UPDATE"))).as("a message listener gets a copy").isTrue();
        assertThat(router.lettingGo(spec.message("ORDER_UPDATE"))).isTrue();
        assertThat(router.lettingGo(spec.message("ACCOUNT_BALANCE_UPDATE"))).isFalse();
    }

    /** Both updates of an order written before one flush: the client reads them, and the next order's, back to back. */
    private static void acceptThenFill(DtcMessage m, FakeServer.Peer peer) {
        if (!m.is("SUBMIT_NEW_SINGLE_ORDER")) {
            return;
        }
        String id = "S" + m.getString("ClientOrderID").substring(1);
        peer.channel().write(update(m, id, "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
        peer.channel().write(fill(update(m, id, "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 100, "E" + id));
        peer.channel().flush();
    }

    private List<OrderHandle> submitThree() {
        List<OrderHandle> orders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            orders.add(client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100).withClientOrderId("C" + i)));
        }
        return orders;
    }

    private static Set<DtcMessage> distinct(List<DtcMessage> messages) {
        Set<DtcMessage> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(messages);
        return set;
    }

    private DtcClient connect() {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.port()).build());
        client = c;
        c.connect();
        return c;
    }
}
