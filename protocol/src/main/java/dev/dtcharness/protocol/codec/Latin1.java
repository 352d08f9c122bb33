package dev.dtcharness.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * DTC strings are single-byte text; the codecs write them as ISO-8859-1. Text that is all
 * ISO-8859-1 (every char up to 0xFF, which covers every id, symbol and account seen in practice)
 * is written and measured char for byte without building a byte[] per string. Anything else takes
 * {@code String.getBytes(ISO_8859_1)}, so the bytes (a '?' per unmappable character or surrogate
 * pair) and lengths stay exactly what they were.
 */
final class Latin1 {
    private Latin1() {
    }

    /** Whether every char maps to one ISO-8859-1 byte of the same value. */
    static boolean fits(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Bytes the string takes in ISO-8859-1, without encoding it when it fits. */
    static int encodedLength(String s) {
        return fits(s) ? s.length() : s.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    /** Writes the string's ISO-8859-1 bytes at {@code at}, leaving the writer index alone. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each char, no copy made
    static void set(ByteBuf b, int at, String s) {
        int n = s.length();
        if (n == 0) {
            return;
        }
        if (!fits(s)) {
            b.setBytes(at, s.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        if (at < 0 || n > b.capacity() - at) {
            throw new IndexOutOfBoundsException("string of " + n + " bytes at " + at + " in a buffer of " + b.capacity());
        }
        if (b.hasArray()) {
            s.getBytes(0, n, b.array(), b.arrayOffset() + at);
        } else {
            for (int i = 0; i < n; i++) {
                b.setByte(at + i, s.charAt(i));
            }
        }
    }
}
