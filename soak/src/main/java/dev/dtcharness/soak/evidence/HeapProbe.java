package dev.dtcharness.soak.evidence;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live heap after a full GC, and the class histogram, through the HotSpot DiagnosticCommand MBean
 * (the in-process equivalent of {@code jcmd <pid> GC.run} and {@code GC.class_histogram}).
 */
public final class HeapProbe {
    private static final String DIAGNOSTIC = "com.sun.management:type=DiagnosticCommand";

    private HeapProbe() {
    }

    /**
     * Runs a full GC and returns the heap in use right after it. Throws when no collection was
     * counted, because then the number would be garbage plus live objects and mean nothing.
     */
    public static long liveHeapAfterFullGc() {
        long before = collections();
        invoke("gcRun");
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (collections() <= before) {
            throw new IllegalStateException("GC.run did not run a collection (is -XX:+DisableExplicitGC set?): "
                    + "post-GC heap cannot be measured");
        }
        return used;
    }

    /** GC.class_histogram: live objects per class (it runs a full GC itself). */
    public static ClassHistogram classHistogram() {
        return ClassHistogram.parse(classHistogramText());
    }

    /** GC.class_histogram as jcmd prints it. */
    public static String classHistogramText() {
        return invoke("gcClassHistogram");
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static String invoke(String operation) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC), operation,
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            return String.valueOf(out);
        } catch (JMException e) {
            throw new IllegalStateException(DIAGNOSTIC + " " + operation + " failed: " + e, e);
        }
    }
}
