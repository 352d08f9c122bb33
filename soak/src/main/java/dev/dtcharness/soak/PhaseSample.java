package dev.dtcharness.soak;

import dev.dtcharness.soak.stream.Latency;
import java.util.List;

/**
 * Everything measured at one phase boundary, at quiescence (every order terminal). Sample 0 is the
 * baseline, taken after the warm-up phase; counts of orders are cumulative from the baseline.
 *
 * @param ordersTotal       orders completed since the baseline (the x axis of every trend)
 * @param heapAfterGcBytes  heap in use right after a full GC: live objects only
 * @param unreleasedBuffers Netty buffers allocated and not released, exact (PARANOID tracking)
 * @param bufferLeakReports Netty leak reports since the soak started (buffers collected unreleased)
 * @param logUnexpected     WARN/ERROR lines outside the allow-list since the soak started
 * @param invariantProblems functional invariants this phase broke, in words; empty when all held
 */
public record PhaseSample(int phase, long ordersTotal, long sent, long accepted, long rejected, long filled,
                          long canceled, double filledQuantity, long pendingInBook, double seconds,
                          double achievedRate, Latency latency, long heapAfterGcBytes, long unreleasedBuffers,
                          long bufferLeakReports, long logUnexpected, int threads, long openFileDescriptors,
                          long nettyDirectMemory, long allocatorDirectMemory, long pooledDirectMemory,
                          List<String> invariantProblems) {

    /** The direct-memory figure the verdict uses: Netty's own counter when it keeps one, else the allocators'. */
    public long directMemory() {
        return nettyDirectMemory >= 0 ? nettyDirectMemory : allocatorDirectMemory + pooledDirectMemory;
    }
}
