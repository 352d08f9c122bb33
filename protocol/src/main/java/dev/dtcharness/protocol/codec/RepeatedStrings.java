package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.spec.FieldSpec;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Arrays;

/**
 * The last string each binary field decoded to, per thread: a Symbol, Exchange or TradeAccount
 * repeats from message to message, so the decoder hands out the String it made last time instead
 * of a new one. Ids differ every time and simply miss. Direct-mapped by field, a collision only
 * costs a miss. Strings are immutable, so sharing one between messages is safe.
 */
final class RepeatedStrings {
    private static final int SLOTS = 512;
    private static final int LONGEST = 64;

    private static final FastThreadLocal<RepeatedStrings> CACHE = new FastThreadLocal<>() {
        @Override
        protected RepeatedStrings initialValue() {
            return new RepeatedStrings();
        }
    };

    private final FieldSpec[] fields = new FieldSpec[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    private final String[] strings = new String[SLOTS];

    static RepeatedStrings get() {
        return CACHE.get();
    }

    /** The string in {@code a[at, at + length)}, each byte one char (ISO-8859-1). */
    @SuppressWarnings("deprecation") // String(byte[], int hibyte, int, int): ISO-8859-1 without a charset lookup
    String read(FieldSpec f, byte[] a, int at, int length) {
        if (length > LONGEST) {
            return new String(a, 0, at, length);
        }
        int slot = (System.identityHashCode(f) ^ f.index()) & (SLOTS - 1);
        byte[] b = bytes[slot];
        if (fields[slot] == f && lengths[slot] == length && Arrays.equals(b, 0, length, a, at, at + length)) {
            return strings[slot];
        }
        if (b == null) {
            b = new byte[LONGEST];
            bytes[slot] = b;
        }
        System.arraycopy(a, at, b, 0, length);
        String s = new String(a, 0, at, length);
        fields[slot] = f;
        lengths[slot] = length;
        strings[slot] = s;
        return s;
    }
}
