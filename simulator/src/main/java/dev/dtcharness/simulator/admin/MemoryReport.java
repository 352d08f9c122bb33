package dev.dtcharness.simulator.admin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The simulator's JVM as a soak test watches it for leaks: heap used (after full collections when
 * asked, so the figure is what the simulator holds rather than garbage not yet collected), heap
 * limit, threads, sessions. Run standalone, the JVM is the simulator's alone.
 *
 * @param afterGc whether full collections ran just before the reading
 */
record MemoryReport(double heapUsedMb, double heapCommittedMb, double heapMaxMb, boolean afterGc, int threads,
                    int sessions) {

    /** How many full collections run before an after-GC reading: one may leave what a finalizer or cleaner frees. */
    private static final int COLLECTIONS = 3;

    static MemoryReport now(int sessions, boolean collectFirst) {
        if (collectFirst) {
            for (int i = 0; i < COLLECTIONS; i++) {
                System.gc();
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new MemoryReport(mb(heap.getUsed()), mb(heap.getCommitted()), heap.getMax() < 0 ? -1 : mb(heap.getMax()),
                collectFirst, ManagementFactory.getThreadMXBean().getThreadCount(), sessions);
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
