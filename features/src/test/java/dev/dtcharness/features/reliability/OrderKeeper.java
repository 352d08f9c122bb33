package dev.dtcharness.features.reliability;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderKeeper.class);
    private final DtcClient client;
    private final Map<String, Integer> sentInRound = new ConcurrentHashMap<>();
    private long placed;

    OrderKeeper(DtcClient client) {
        this.client = client;
        timer.scheduleWithFixedDelay(this::keepOneWorking, 0, 10, TimeUnit.MILLISECONDS);
    }

    private void keepOneWorking() {
        if (!client.isLoggedOn() || client.orderBook().all().stream().anyMatch(this::mayStillWork)) {
            return;
        }
        try {
            int round = client.reconciliations();
            sentInRound.put(client.submit(OrderRequest.limit("ES", ++placed % 2 == 1 ? Side.BUY : Side.SELL, QUANTITY,
                    4400)).clientOrderId(), round);
        } catch (DtcClientException reconnecting) {
            // Refused while the link is down; the next tick tries again.
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: say why and keep going.
            LOG.warn("order keeper: {}", e.toString(), e);
        }
    }

    /**
     * Not finished, and either acknowledged or sent since the last reconciliation. An order sent just
     * before the link dropped may never have arrived and then stays ORDER_SENT (RELIABILITY.md, known
     * limits); once a reconciliation has passed without news of it, it no longer holds the next one back.
     */
    private boolean mayStillWork(Order o) {
        return !o.isTerminal() && (!o.serverOrderId().isEmpty()
                || sentInRound.getOrDefault(o.clientOrderId(), -1) == client.reconciliations());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
