package dev.dtcharness.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent and heap bytes allocated so far, for figures that say what the code costs even
 * when another process shares the cores: the whole process's CPU (JIT and GC included), and the
 * CPU and allocations of the application's own threads (client and simulator event loops, the
 * driver), which other processes and the JIT do not inflate much.
 */
final class CostSnapshot {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Whose work a thread does: the figures are split by it, so a cost can be put on the side that pays it. */
    enum Role {
        CLIENT, SIMULATOR, DRIVER;

        static Role of(String threadName) {
            return threadName.startsWith("dtc-sim-") ? SIMULATOR : threadName.equals("main") ? DRIVER : CLIENT;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final long processNanos;
    private final Map<Long, Long> threadNanos;
    private final Map<Long, Long> threadBytes;
    private final Map<Long, Role> roles;

    private CostSnapshot(long processNanos, Map<Long, Long> threadNanos, Map<Long, Long> threadBytes,
                         Map<Long, Role> roles) {
        this.processNanos = processNanos;
        this.threadNanos = threadNanos;
        this.threadBytes = threadBytes;
        this.roles = roles;
    }

    static CostSnapshot now() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        Map<Long, Long> app = new HashMap<>();
        Map<Long, Long> bytes = new HashMap<>();
        Map<Long, Role> roles = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && isApplication(t.getThreadName())) {
                roles.put(t.getThreadId(), Role.of(t.getThreadName()));
                app.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
                if (THREADS instanceof com.sun.management.ThreadMXBean sun) {
                    bytes.put(t.getThreadId(), sun.getThreadAllocatedBytes(t.getThreadId()));
                }
            }
        }
        return new CostSnapshot(process, app, bytes, roles);
    }

    private static boolean isApplication(String name) {
        return name.equals("main") || name.startsWith("dtc-") || name.startsWith("multiThreadIoEventLoopGroup");
    }

    long processNanosSince(CostSnapshot before) {
        return processNanos - before.processNanos;
    }

    /** CPU of application threads alive at both moments. */
    long applicationNanosSince(CostSnapshot before) {
        return sumSince(threadNanos, before.threadNanos, null);
    }

    /** The same, for the threads of one role only. */
    long applicationNanosSince(CostSnapshot before, Role role) {
        return sumSince(threadNanos, before.threadNanos, role);
    }

    /** Heap bytes allocated by application threads alive at both moments: a figure the machine's load does not move. */
    long applicationBytesSince(CostSnapshot before) {
        return sumSince(threadBytes, before.threadBytes, null);
    }

    /** The same, for the threads of one role only. */
    long applicationBytesSince(CostSnapshot before, Role role) {
        return sumSince(threadBytes, before.threadBytes, role);
    }

    private long sumSince(Map<Long, Long> now, Map<Long, Long> before, Role role) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            Long then = before.get(e.getKey());
            if (role != null && roles.get(e.getKey()) != role) {
                continue;
            }
            if (then != null && e.getValue() >= 0 && then >= 0) {
                sum += e.getValue() - then;
            }
        }
        return sum;
    }
}
