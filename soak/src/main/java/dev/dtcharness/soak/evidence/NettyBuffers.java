package dev.dtcharness.soak.evidence;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.LeakPresenceDetector;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Exact accounting of Netty buffers, in one of two modes:
 * <ul>
 *   <li><b>presence</b>, when the JVM started with
 *       {@code -Dio.netty.customResourceLeakDetector=io.netty.util.LeakPresenceDetector} (the soak's
 *       command line and tests do): Netty 4.2's {@link LeakPresenceDetector} tracks every buffer with
 *       a counter and no stack traces, so {@link #unreleased()} is the exact number of buffers
 *       allocated and not released, at full speed. A buffer collected unreleased stays counted.</li>
 *   <li><b>paranoid</b> otherwise (the detector is chosen once per JVM, when the first buffer class
 *       loads): the shared ByteBuf {@link ResourceLeakDetector} is switched to PARANOID, every
 *       allocation is tracked with stack traces (slow: a few hundred orders/s), {@link #unreleased()}
 *       reads its live set, and a {@link ResourceLeakDetector.LeakListener} counts buffers collected
 *       unreleased in {@link #leakReports()} (Netty reports each distinct allocation trace once).</li>
 * </ul>
 */
public final class NettyBuffers {
    private final ResourceLeakDetector<ByteBuf> detector;
    private final IntSupplier live;
    private final String mode;
    private final AtomicLong leaks = new AtomicLong();
    private final List<String> firstReports = Collections.synchronizedList(new ArrayList<>());
    private final ResourceLeakDetector.Level levelBefore;

    private NettyBuffers(ResourceLeakDetector<ByteBuf> detector, IntSupplier live, ResourceLeakDetector.Level before,
                         String mode) {
        this.detector = detector;
        this.live = live;
        this.levelBefore = before;
        this.mode = mode;
    }

    /** "presence" or "paranoid", see the class comment. */
    public String mode() {
        return mode;
    }

    /** The system property that selects Netty's leak detector, read once per JVM. */
    public static final String DETECTOR_PROPERTY = "io.netty.customResourceLeakDetector";

    /**
     * Call first thing in {@code main}, before any Netty buffer class loads, to get presence mode.
     * Sets the detector factory directly rather than through {@link #DETECTOR_PROPERTY}: Netty loads
     * a detector named by the property from the system class loader, which under
     * {@code mvn exec:java} does not see Netty. Does nothing when the property is already set.
     */
    public static void selectPresenceDetector() {
        if (System.getProperty(DETECTOR_PROPERTY) != null) {
            return;
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                return new LeakPresenceDetector<>(resource, samplingInterval);
            }
        });
    }

    /** Starts counting; {@link #close()} restores what it changed. */
    public static NettyBuffers install() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector<ByteBuf> detector = readStatic(AbstractByteBuf.class, "leakDetector");
        if (detector instanceof LeakPresenceDetector) {
            if (before == ResourceLeakDetector.Level.DISABLED) {
                ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
            }
            Object scope = readStatic(LeakPresenceDetector.class, "GLOBAL");
            LongAdder open = readField(scope.getClass(), scope, "openResourceCounter");
            return new NettyBuffers(detector, () -> (int) open.sum(), before, "presence");
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        Set<?> live = readField(ResourceLeakDetector.class, detector, "allLeaks");
        NettyBuffers buffers = new NettyBuffers(detector, live::size, before, "paranoid");
        detector.setLeakListener((resourceType, records) -> {
            buffers.leaks.incrementAndGet();
            if (buffers.firstReports.size() < 5) {
                buffers.firstReports.add(resourceType + " garbage-collected unreleased:" + records);
            }
        });
        return buffers;
    }

    /** Buffers allocated and not released right now; call at quiescence after {@link #flushReports()}. */
    public int unreleased() {
        return live.getAsInt();
    }

    /**
     * Makes Netty process its queue of collected-but-unreleased buffers: the detector does that only
     * when it tracks a new allocation, so allocate and release one byte. Call after a full GC.
     */
    public void flushReports() {
        ByteBuf probe = UnpooledByteBufAllocator.DEFAULT.heapBuffer(1);
        probe.release();
    }

    public long leakReports() {
        return leaks.get();
    }

    public List<String> firstReports() {
        synchronized (firstReports) {
            return List.copyOf(firstReports);
        }
    }

    public void close() {
        detector.setLeakListener(null);
        ResourceLeakDetector.setLevel(levelBefore);
    }

    @SuppressWarnings("unchecked")
    private static <T> T readStatic(Class<?> owner, String name) {
        return (T) readField(owner, null, name);
    }

    @SuppressWarnings("unchecked")
    private static <T> T readField(Class<?> owner, Object target, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + owner.getName() + "." + name + " (Netty "
                    + "internals changed?): " + e, e);
        }
    }
}
