package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The word-at-a-time NUL search finds what a byte-by-byte loop finds, and each string is written as its
 * own ISO-8859-1 bytes whatever was written in that field before (a '?' for a char outside it).
 */
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

    @Example
    void shouldWriteEachStringsOwnBytesWhateverTheStringBeforeItInThatField() {
        BinaryFormat binary = new BinaryFormat(DtcSpec.v8());
        String latin1 = "ES";
        String euro = "E\u20ac";
        String accented = new String("\u00e9S");
        for (String symbol : new String[] {latin1, euro, euro, latin1, accented, accented, latin1}) {
            ByteBuf out = Unpooled.buffer();
            binary.encode(DtcMessage.of("ORDER_UPDATE").set("Symbol", symbol), out);
            int at = DtcSpec.v8().message("ORDER_UPDATE").field("Symbol").offset();
            byte[] written = new byte[3];
            out.getBytes(at, written);
            byte[] expected = Arrays.copyOf(symbol.replace('\u20ac', '?').getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 3);
            assertThat(written).as(symbol).isEqualTo(expected);
            out.release();
        }
    }
}
