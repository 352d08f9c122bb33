package dev.dtcharness.soak;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.Order;
import dev.dtcharness.soak.evidence.HeapProbe;
import dev.dtcharness.soak.evidence.LogCapture;
import dev.dtcharness.soak.evidence.NettyBuffers;
import dev.dtcharness.soak.evidence.ProcessProbe;
import dev.dtcharness.soak.stream.PhaseCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Takes one {@link PhaseSample} at a phase boundary: invariants first, then a full GC and the probes. */
final class Sampler {
    private static final int STABLE_READS = 3;

    private Sampler() {
    }

    static PhaseSample sample(int phase, long orders, PhaseCounts c, boolean quiet, DtcClient client,
                              NettyBuffers buffers, LogCapture logs, Duration timeout) {
        List<String> problems = new ArrayList<>(c.problems());
        if (!quiet) {
            problems.add((c.sent() - c.finished()) + " of " + c.sent() + " orders still not terminal after "
                    + timeout.toSeconds() + " s");
        }
        long pendingInBook = client.orderBook().all().stream().filter(o -> !o.isTerminal()).count();
        if (pendingInBook > 0) {
            problems.add(pendingInBook + " order(s) in the client's book not terminal at quiescence, e.g. "
                    + client.orderBook().all().stream().filter(o -> !o.isTerminal()).findFirst()
                    .map(Order::describe).orElse("?"));
        }
        if (c.sent() != c.accepted() + c.rejected()) {
            problems.add("sent " + c.sent() + " != accepted " + c.accepted() + " + rejected " + c.rejected());
        }
        if (c.fillMismatches() > 0) {
            problems.add(c.fillMismatches() + " order(s) whose fills do not add up to FilledQuantity");
        }
        if (c.outcomeMismatches() > 0) {
            problems.add(c.outcomeMismatches() + " order(s) ended other than asked");
        }
        if (c.localFailures() > 0) {
            problems.add(c.localFailures() + " order(s) the client could not write");
        }
        long heap = HeapProbe.liveHeapAfterFullGc();
        buffers.flushReports();
        int unreleased = settledUnreleased(buffers);
        return new PhaseSample(phase, orders, c.sent(), c.accepted(), c.rejected(), c.filled(), c.canceled(),
                c.filledQuantity(), pendingInBook, c.seconds(), c.achievedRate(), c.latency(), heap, unreleased,
                buffers.leakReports(), logs.unexpected(), ProcessProbe.threads(), ProcessProbe.openFileDescriptors(),
                ProcessProbe.nettyDirectMemory(), ProcessProbe.defaultAllocatorDirectMemory(),
                ProcessProbe.pooledDirectMemory(), List.copyOf(problems));
    }

    /**
     * The unreleased-buffer count once it has read the same a few times 5 ms apart (a heartbeat may be
     * on its way through the pipeline), or the last read after 1 s.
     */
    private static int settledUnreleased(NettyBuffers buffers) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        int last = buffers.unreleased();
        int same = 0;
        while (same < STABLE_READS && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
            int now = buffers.unreleased();
            same = now == last ? same + 1 : 0;
            last = now;
        }
        return last;
    }
}
