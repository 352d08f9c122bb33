package dev.dtcharness.features.reliability;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A strategy that keeps one resting order of 10 at the exchange, buying and selling in turn:
 * when its order has finished it places the next, so an exchange that fills steadily never runs dry.
 */
final class OrderKeeper implements AutoCloseable {
    static final double QUANTITY = 10;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "order-keeper");
        t.setDaemon(true);
        return t;
    });
    private final DtcClient client;
    private long placed;

    OrderKeeper(DtcClient client) {
        this.client = client;
        timer.scheduleWithFixedDelay(this::keepOneWorking, 0, 10, TimeUnit.MILLISECONDS);
    }

    private void keepOneWorking() {
        if (!client.isLoggedOn() || !client.orderBook().all().stream().allMatch(Order::isTerminal)) {
            return;
        }
        try {
            client.submit(OrderRequest.limit("ES", ++placed % 2 == 1 ? Side.BUY : Side.SELL, QUANTITY, 4400));
        } catch (DtcClientException reconnecting) {
            // Refused while the link is down; the next tick tries again.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
