package dev.dtcharness.features.reliability;

import dev.dtcharness.simulator.exchange.OrderView;
import dev.dtcharness.simulator.exchange.SimulatedExchange;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An exchange that works the oldest resting order one lot at a time, every few milliseconds, at a
 * price that moves: sustained fills whether or not the client that placed the order is alive.
 */
final class SteadyFiller implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steady-filler");
        t.setDaemon(true);
        return t;
    });
    private final SimulatedExchange exchange;
    private boolean paused;
    private long fills;

    SteadyFiller(SimulatedExchange exchange, long everyMillis) {
        this.exchange = exchange;
        timer.scheduleWithFixedDelay(this::fillOne, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void fillOne() {
        if (paused) {
            return;
        }
        try {
            List<OrderView> working = exchange.workingOrders();
            if (!working.isEmpty()) {
                exchange.fill(working.get(0).serverOrderId(), 1, 4400 + (fills++ % 8) * 0.25);
            }
        } catch (RuntimeException canceledMeanwhile) {
            // The client canceled it between the look and the fill; the next tick takes the next order.
        }
    }

    /** Returns once no fill is under way, and none starts until {@link #resume()}. */
    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
