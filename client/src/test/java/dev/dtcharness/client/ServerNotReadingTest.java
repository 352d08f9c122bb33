package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server that stops reading must not make the client keep an ever-growing backlog of orders it cannot
 * send: past {@code maxUnsentBytes} unread, new orders are refused in plain words; cancels still go; once
 * the server reads again, orders are taken again.
 */
class ServerNotReadingTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MAX_ORDERS = 1_000_000;

    @Test
    void shouldRefuseNewOrdersWhileTheServerDoesNotReadAndTakeThemAgainAfter() {
        server = new FakeServer((m, peer) -> { });
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).maxUnsentBytes(64 * 1024)
                .retainFinishedOrders(10).build());
        client.connect();
        OrderHandle first = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 4500.25));
        server.reading(false);

        int accepted = 0;
        DtcClientException refused = null;
        while (refused == null && accepted < MAX_ORDERS) {
            try {
                client.submit(OrderRequest.limit("ES", Side.BUY, 1, 4500.25));
                accepted++;
            } catch (DtcClientException e) {
                refused = e;
            }
        }

        assertThat(refused).as("refused after %d orders", accepted).isNotNull();
        assertThat(refused.getMessage()).contains("cannot submit BUY 1.0 ES", "is not reading what the client sends",
                "maxUnsentBytes, 65536 bytes");
        assertThat(client.isLoggedOn()).as("a slow server is not a lost one").isTrue();
        client.cancel(first.clientOrderId());

        server.reading(true);
        // Refused until the socket has drained to half of maxUnsentBytes, which takes the loop a moment once the server reads.
        await().atMost(WAIT).ignoreException(DtcClientException.class)
                .untilAsserted(() -> assertThat(client.submit(OrderRequest.limit("ES", Side.BUY, 1, 4500.25)))
                .isNotNull());
        await().atMost(WAIT).until(() -> server.received("CANCEL_ORDER").size() == 1);
    }
}
