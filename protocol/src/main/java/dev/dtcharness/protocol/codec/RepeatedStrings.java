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
        if (fields[slot] == f && lengths[slot] == length && sameBytes(b, a, at, length)) {
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

    /**
     * Whether {@code b} starts with {@code a[at, at + n)}. Ids differ from the last one in their last
     * characters (a counter), so those eight bytes are compared first, at once: the vectorised
     * comparison of the whole range showed in a client's profile, mostly spent on ids that then differed.
     */
    private static boolean sameBytes(byte[] b, byte[] a, int at, int n) {
        if (n >= 8) {
            return (long) HeapFields.LONG.get(b, n - 8) == (long) HeapFields.LONG.get(a, at + n - 8)
                    && Arrays.equals(b, 0, n - 8, a, at, at + n - 8);
        }
        for (int i = 0; i < n; i++) {
            if (b[i] != a[at + i]) {
                return false;
            }
        }
        return true;
    }
}
