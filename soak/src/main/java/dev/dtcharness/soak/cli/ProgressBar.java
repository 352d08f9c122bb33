package dev.dtcharness.soak.cli;

import dev.dtcharness.soak.stream.LiveStatus;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line on stderr, redrawn every half second: a bar, orders done of total, the current rate,
 * the phase and what it is doing, and the last post-GC heap. Without a terminal it prints a plain
 * line every 5 s instead, so CI logs stay readable.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final LiveStatus status;
    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-progress");
        t.setDaemon(true);
        return t;
    });
    private long lastOrders;
    private long lastNanos = System.nanoTime();

    ProgressBar(LiveStatus status, PrintStream out, boolean terminal) {
        this.status = status;
        this.out = out;
        this.terminal = terminal;
    }

    ProgressBar start() {
        timer.scheduleAtFixedRate(this::draw, 500, terminal ? 500 : 5_000, TimeUnit.MILLISECONDS);
        return this;
    }

    static String line(LiveStatus s, double rate) {
        long total = Math.max(1, s.ordersTotal);
        long done = Math.max(0, s.ordersDone);
        int filled = (int) Math.min(WIDTH, WIDTH * done / total);
        return String.format("[%s%s] %,d/%,d orders  %,.0f/s  phase %d/%d %s  heap %.1f MiB",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, s.ordersTotal, rate, s.phase, s.phases, s.stage,
                s.lastHeapBytes / (1024.0 * 1024.0));
    }

    private void draw() {
        long now = System.nanoTime();
        long orders = status.ordersDone;
        double rate = (orders - lastOrders) / ((now - lastNanos) / 1e9);
        lastOrders = orders;
        lastNanos = now;
        String line = line(status, rate);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        draw();
        out.println();
    }
}
