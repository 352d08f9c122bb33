package dev.dtcharness.soak.evidence;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Threads, open file descriptors and Netty's direct memory, as the JVM and Netty report them now. */
public final class ProcessProbe {

    private ProcessProbe() {
    }

    /** Live threads (daemon or not). */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Open file descriptors of this process (sockets included), or -1 where the OS does not say. */
    public static long openFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** Direct memory Netty reserved through its own counter, or -1 when Netty does not count it. */
    public static long nettyDirectMemory() {
        return PlatformDependent.usedDirectMemory();
    }

    /** Direct memory held by {@link ByteBufAllocator#DEFAULT} (the adaptive allocator in Netty 4.2), or -1. */
    public static long defaultAllocatorDirectMemory() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider p
                ? p.metric().usedDirectMemory() : -1;
    }

    /** Direct memory held by {@link PooledByteBufAllocator#DEFAULT}. */
    public static long pooledDirectMemory() {
        return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
    }
}
