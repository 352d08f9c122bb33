package dev.dtcharness.soak.stream;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderListener;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.MessageView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Drives the open-model order stream through one {@link DtcClient} and checks each order as it
 * ends. Keeps state only for orders in flight, so the soak itself does not grow with orders.
 */
public final class OrderFlow implements OrderListener {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

    private final LoadShape shape;
    private final OutcomeMix mix;
    private final OrderPlacer placer;
    private final SplittableRandom random;
    private final LiveStatus status;
    private final String idPrefix;
    private final Semaphore permits;
    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong idCounter = new AtomicLong();
    private final Counters counters = new Counters();
    private long streamNanos;

    /** Per-order state while it is in flight. */
    private static final class InFlight {
        final Outcome wanted;
        double fills;

        InFlight(Outcome wanted) {
            this.wanted = wanted;
        }
    }

    /** Phase counters, swapped for a fresh set at each phase boundary. */
    private static final class Counters {
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder filled = new LongAdder();
        final LongAdder canceled = new LongAdder();
        final LongAdder local = new LongAdder();
        final DoubleAdder filledQuantity = new DoubleAdder();
        final LongAdder fillMismatches = new LongAdder();
        final LongAdder outcomeMismatches = new LongAdder();
        final LongAdder finished = new LongAdder();
        final LongAdder terminalFutures = new LongAdder();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        void problem(String p) {
            if (problems.size() < 10) {
                problems.add(p);
            }
        }

        void reset() {
            for (LongAdder a : List.of(sent, accepted, rejected, filled, canceled, local, fillMismatches,
                    outcomeMismatches, finished, terminalFutures)) {
                a.reset();
            }
            filledQuantity.reset();
            problems.clear();
        }
    }

    public OrderFlow(LoadShape shape, OutcomeMix mix, OrderPlacer placer, long seed, LiveStatus status) {
        for (Outcome o : mix.weights().keySet()) {
            if (mix.weights().get(o) > 0 && !placer.supported().contains(o)) {
                throw new IllegalArgumentException("outcome " + o + " is not supported yet by "
                        + placer.getClass().getSimpleName() + " (supported: " + placer.supported() + ")");
            }
        }
        this.shape = shape;
        this.mix = mix;
        this.placer = placer;
        this.random = new SplittableRandom(seed);
        this.status = status;
        this.permits = new Semaphore(shape.maxInFlight());
        this.idPrefix = "SK" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
    }

    /** Submits {@code orders} orders at the load shape's pace; returns once the last one is sent. */
    public void runPhase(DtcClient client, int orders) throws InterruptedException {
        long start = System.nanoTime();
        long due = start;
        for (int i = 0; i < orders; i++) {
            due += shape.nextGapNanos(streamNanos + (due - start), random);
            waitUntil(due);
            permits.acquire();
            Outcome wanted = mix.draw(random);
            String id = idPrefix + idCounter.incrementAndGet();
            inFlight.put(id, new InFlight(wanted));
            long submitted = System.nanoTime();
            OrderHandle handle;
            try {
                handle = placer.place(client, wanted, id, random);
            } catch (RuntimeException e) {
                inFlight.remove(id);
                permits.release();
                throw e;
            }
            counters.sent.increment();
            handle.terminal().whenComplete((order, failure) -> {
                latency.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - submitted) / 1000));
                counters.terminalFutures.increment();
                permits.release();
            });
        }
        streamNanos += System.nanoTime() - start;
    }

    /** Waits until every order sent is terminal and checked; false when {@code timeout} passed first. */
    public boolean awaitQuiescence(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isQuiet()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** Orders of this phase that are not terminal yet (or whose terminal update was not checked yet). */
    public long pending() {
        long sent = counters.sent.sum();
        return Math.max(sent - counters.finished.sum(), sent - counters.terminalFutures.sum());
    }

    private boolean isQuiet() {
        return pending() == 0;
    }

    /** The counts of the phase just ended, then fresh counters for the next one. */
    public PhaseCounts endPhase(double seconds) {
        Counters c = counters;
        List<String> problems;
        synchronized (c.problems) {
            problems = List.copyOf(c.problems);
        }
        PhaseCounts counts = new PhaseCounts(c.sent.sum(), c.accepted.sum(), c.rejected.sum(), c.filled.sum(),
                c.canceled.sum(), c.local.sum(), c.filledQuantity.sum(), c.fillMismatches.sum(),
                c.outcomeMismatches.sum(), c.finished.sum(), seconds, Latency.of(latency.getIntervalHistogram()),
                problems);
        c.reset();
        return counts;
    }

    @Override
    public void onOrderUpdate(Order after, MessageView update) {
        InFlight f = inFlight.get(after.clientOrderId());
        if (f == null) {
            return;
        }
        if (update.isSet("LastFillExecutionID") && !update.getString("LastFillExecutionID").isEmpty()) {
            f.fills += update.getDouble("LastFillQuantity");
        }
        if (!after.isTerminal()) {
            return;
        }
        inFlight.remove(after.clientOrderId());
        Outcome ended = classify(after);
        if (ended != f.wanted) {
            counters.outcomeMismatches.increment();
            counters.problem(after.clientOrderId() + " asked to " + f.wanted + " but ended " + after.statusName()
                    + (after.infoText().isEmpty() ? "" : " (" + after.infoText() + ")"));
        }
        if (Math.abs(f.fills - after.filledQuantity()) > 1e-9) {
            counters.fillMismatches.increment();
            counters.problem(after.clientOrderId() + ": fills add up to " + f.fills + " but FilledQuantity is "
                    + after.filledQuantity());
        }
        counters.filledQuantity.add(f.fills);
        counters.finished.increment();
        status.ordersDone++;
    }

    private Outcome classify(Order after) {
        int s = after.status();
        if (s == OrderStatus.REJECTED.value()) {
            counters.rejected.increment();
            if (after.infoText().startsWith("not sent by the client")) {
                counters.local.increment();
            }
            return Outcome.REJECT;
        }
        counters.accepted.increment();
        if (s == OrderStatus.CANCELED.value()) {
            counters.canceled.increment();
            return Outcome.CANCEL;
        }
        counters.filled.increment();
        return after.updateCount() > 0 && after.lastFillQuantity() < after.orderQuantity()
                ? Outcome.PARTIAL_THEN_FILL : Outcome.FILL;
    }

    private static void waitUntil(long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            if (left > 100_000) {
                LockSupport.parkNanos(left - 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
