package dev.dtcharness.protocol.codec;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * One reusable byte array per thread, for building or reading a binary frame away from a direct
 * buffer. Event-loop threads are Netty's FastThreadLocalThreads, where the lookup is an array index.
 */
final class Scratch {
    private static final FastThreadLocal<byte[]> ARRAY = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[4096];
        }
    };

    private Scratch() {
    }

    /** An array of at least {@code size} bytes, with any content: the caller overwrites what it uses. */
    static byte[] array(int size) {
        byte[] a = ARRAY.get();
        if (a.length < size) {
            a = new byte[Math.max(size, a.length * 2)];
            ARRAY.set(a);
        }
        return a;
    }
}
