package dev.dtcharness.loadtest;

import java.lang.management.ManagementFactory;

/** CPU time of this whole process (every thread: client, simulator, driver, JIT and GC), in nanoseconds. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
