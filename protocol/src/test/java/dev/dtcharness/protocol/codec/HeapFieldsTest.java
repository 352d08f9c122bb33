package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The word-at-a-time NUL search finds what a byte-by-byte loop finds. */
class HeapFieldsTest {

    @Property
    void shouldFindTheFirstNulAsAByteLoopDoes(@ForAll @Size(min = 1, max = 120) byte[] bytes,
            @ForAll @IntRange(max = 119) int from, @ForAll @IntRange(max = 120) int capacity,
            @ForAll @IntRange(max = 4) int zeroEvery) {
        if (zeroEvery > 0) {
            // Mostly text with a few NULs, as strings in DTC messages are.
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = i % (zeroEvery * 7 + 1) == zeroEvery * 3 ? 0 : (byte) (bytes[i] | 1);
            }
        }
        int at = Math.min(from, bytes.length - 1);
        int cap = Math.min(capacity, bytes.length - at);
        int expected = 0;
        while (expected < cap && bytes[at + expected] != 0) {
            expected++;
        }
        assertThat(HeapFields.nulIndex(bytes, at, cap)).isEqualTo(expected);
    }
}
