package dev.dtcharness.loadtest;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.HdrHistogram.Histogram;

/** The three load figures, each against a fresh in-process simulator, the real client over loopback. */
final class Bench {
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final OrderRequest ORDER = OrderRequest.limit("ES", Side.BUY, 1, 4500.25);
    private static final int FILLED = 7;

    private final Progress progress;
    private final AcceptVariant accept;

    Bench(Progress progress, AcceptVariant accept) {
        this.progress = progress;
        this.accept = accept;
    }

    SimulatorConfig simulatorConfig() {
        // Keep the simulator's by-design histories small, so a long run measures the hot path, not the heap.
        return SimulatorConfig.builder().host("127.0.0.1").dynamicPort().acceptVariant(accept)
                .journalCapacity(1_000).finishedOrdersKept(1_000).fillHistoryCapacity(1_000).build();
    }

    static DtcClient client(DtcSimulator sim, DtcEncoding encoding, int heartbeatSeconds) {
        return client(sim, encoding, heartbeatSeconds, null);
    }

    static DtcClient client(DtcSimulator sim, DtcEncoding encoding, int heartbeatSeconds, EventLoopGroup loops) {
        return client(sim.port(), encoding, heartbeatSeconds, loops);
    }

    static DtcClient client(int port, DtcEncoding encoding, int heartbeatSeconds, EventLoopGroup loops) {
        DtcClient c = new DtcClient(DtcClientConfig.builder().host("127.0.0.1").port(port).encoding(encoding)
                .eventLoopGroup(loops)
                .heartbeatIntervalSeconds(heartbeatSeconds).reconnect(ReconnectPolicy.NEVER)
                .retainFinishedOrders(1_000).connectTimeout(Duration.ofSeconds(30)).build());
        c.connect();
        return c;
    }

    // ---- sequential round trip

    /** Submit, wait for FILLED, next. Times from before submit to the client's terminal callback. */
    Histogram sequential(DtcClient client, int warmup, int orders) {
        Histogram h = new Histogram(HIGHEST_NANOS, 3);
        long[] end = new long[1];
        for (int i = -warmup; i < orders; i++) {
            long t0 = System.nanoTime();
            OrderHandle handle = client.submit(ORDER);
            CompletableFuture<Order> done = handle.terminal().whenComplete((o, e) -> end[0] = System.nanoTime());
            Order o = done.join();
            if (o.status() != FILLED) {
                throw new IllegalStateException("order ended " + o.statusName() + ": " + o.infoText());
            }
            if (i >= 0) {
                h.recordValue(Math.min(HIGHEST_NANOS, end[0] - t0));
            }
            if ((i & 1023) == 0) {
                progress.tick("sequential", i + warmup, warmup + orders);
            }
        }
        return h;
    }

    // ---- pipelined

    /** Up to {@code inFlight} orders not yet FILLED; orders/s from the first submit to the last fill. */
    double pipelined(DtcClient client, int inFlight, int orders) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        LongAdder bad = new LongAdder();
        AtomicLong lastFill = new AtomicLong();
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicLong left = new AtomicLong(orders);
        BiConsumer<Order, Throwable> onEnd = (o, e) -> {
            if (e != null || o.status() != FILLED) {
                bad.increment();
            }
            window.release();
            if (left.decrementAndGet() == 0) {
                lastFill.set(System.nanoTime());
                all.complete(null);
            }
        };
        long start = System.nanoTime();
        int sent = 0;
        int ticked = -1;
        while (sent < orders) {
            // As the peers' drivers do: wait for one free slot, then take every slot freed meanwhile,
            // so the driver wakes once per batch of fills rather than once per fill.
            window.acquire();
            int batch = Math.min(1 + window.drainPermits(), orders - sent);
            for (int k = 0; k < batch; k++) {
                client.submit(ORDER).terminal().whenComplete(onEnd);
            }
            sent += batch;
            if (sent >> 14 != ticked) {
                ticked = sent >> 14;
                progress.tick("pipelined N=" + inFlight, sent, orders);
            }
        }
        all.join();
        if (bad.sum() > 0) {
            throw new IllegalStateException(bad.sum() + " orders did not end FILLED");
        }
        return orders / ((lastFill.get() - start) / 1e9);
    }

    // ---- many sessions

    /**
     * @param simulatorJvm the simulator's own JVM after full collections when it ran in one (null: it ran in
     *                     this JVM, whose heap and threads then count it with the clients)
     */
    record SessionsResult(int sessions, double ordersPerSecond, long orders, double heapAfterGcMb, double heapPerSessionKb,
                          int jvmThreads, int simulatorThreads, int clientThreads, long heartbeatsSeen,
                          SimulatorProcess.Memory simulatorJvm) {
    }

    /** Where the many-sessions test runs the simulator. */
    enum SimulatorPlace { IN_PROCESS, SEPARATE_JVM }

    /**
     * {@code m} clients, each heartbeating every second and keeping {@code perSession} orders in flight,
     * refilled by {@code drivers} driver threads, for {@code seconds}.
     */
    SessionsResult sessions(DtcEncoding encoding, int m, int perSession, int seconds, int clientLoops, SimulatorPlace place,
                            String simulatorHeap) throws Exception {
        EventLoopGroup loops = clientLoops > 0
                ? new MultiThreadIoEventLoopGroup(clientLoops, new DefaultThreadFactory("dtc-clients"), NioIoHandler.newFactory())
                : null;
        int clientThreads = clientLoops > 0 ? clientLoops : m;
        try {
            if (place == SimulatorPlace.SEPARATE_JVM) {
                try (SimulatorProcess sim = SimulatorProcess.start(simulatorHeap, simulatorConfig())) {
                    return sessions(encoding, m, perSession, seconds, loops, clientThreads, sim.port(), sim);
                }
            }
            try (DtcSimulator sim = DtcSimulator.start(simulatorConfig())) {
                return sessions(encoding, m, perSession, seconds, loops, clientThreads, sim.port(), null);
            }
        } finally {
            if (loops != null) {
                loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }

    /** Against the simulator on {@code port}; {@code external}, when it runs there, is asked for its memory. */
    private SessionsResult sessions(DtcEncoding encoding, int m, int perSession, int seconds, EventLoopGroup loops,
                                    int clientThreads, int port, SimulatorProcess external) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        double baselineMb = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
        List<DtcClient> clients = new ArrayList<>();
        LongAdder heartbeats = new LongAdder();
        try {
            for (int i = 0; i < m; i++) {
                DtcClient c = client(port, encoding, 1, loops);
                c.onMessage("HEARTBEAT", (msg) -> heartbeats.increment());
                clients.add(c);
                if (i % 50 == 0) {
                    progress.tick("sessions M=" + m + " connecting", i, m);
                }
            }
            BlockingQueue<DtcClient> ready = new ArrayBlockingQueue<>(m * perSession + 16);
            LongAdder done = new LongAdder();
            LongAdder bad = new LongAdder();
            for (int k = 0; k < perSession; k++) {
                ready.addAll(clients);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int driverCount = 2;
            List<Thread> drivers = new ArrayList<>();
            long[] started = new long[1];
            started[0] = System.nanoTime();
            long startDone = 0;
            for (int d = 0; d < driverCount; d++) {
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            DtcClient c = ready.poll(50, TimeUnit.MILLISECONDS);
                            if (c == null) {
                                continue;
                            }
                            c.submit(ORDER).terminal().whenComplete((o, e) -> {
                                if (e != null || o.status() != FILLED) {
                                    bad.increment();
                                }
                                done.increment();
                                ready.offer(c);
                            });
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "loadtest-driver-" + d);
                t.start();
                drivers.add(t);
            }
            int jvmThreads = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                jvmThreads = Math.max(jvmThreads, ManagementFactory.getThreadMXBean().getThreadCount());
                progress.tick("sessions M=" + m, (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started[0]), seconds);
            }
            for (Thread t : drivers) {
                t.join();
            }
            long measured = done.sum() - startDone;
            double elapsed = (System.nanoTime() - started[0]) / 1e9;
            // Let the last orders finish, then measure the heap with every session still logged on.
            Thread.sleep(300);
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            double heapMb = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
            if (bad.sum() > 0) {
                throw new IllegalStateException(bad.sum() + " orders did not end FILLED");
            }
            // With every session still logged on: what the simulator holds for them.
            SimulatorProcess.Memory simulatorJvm = external != null ? external.memoryAfterGc() : null;
            return new SessionsResult(m, measured / elapsed, measured, heapMb, (heapMb - baselineMb) * 1024 / m, jvmThreads,
                    countThreads("dtc-sim"),
                    clientThreads, heartbeats.sum(), simulatorJvm);
        } finally {
            for (DtcClient c : clients) {
                c.close();
            }
        }
    }

    private static int countThreads(String prefix) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }
}
