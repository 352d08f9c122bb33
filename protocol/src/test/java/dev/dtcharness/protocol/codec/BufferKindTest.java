package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSamples;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codecs take a short cut on heap buffers (straight into the backing array); direct buffers,
 * which a Netty channel usually hands out, take the general path. Both must give the same bytes
 * and the same messages, for every message, in every encoding, wherever the frame sits in its buffer.
 */
class BufferKindTest {
    private static final DtcEncoding[] ENCODINGS = {DtcEncoding.BINARY_ENCODING,
            DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS, DtcEncoding.JSON_ENCODING, DtcEncoding.JSON_COMPACT_ENCODING};

    static Stream<Arguments> everyMessageInEveryEncoding() {
        return DtcSpec.v8().messages().stream()
                .flatMap(m -> Stream.of(ENCODINGS).map(e -> Arguments.of(m.name(), e)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessageInEveryEncoding")
    void shouldWriteAndReadTheSameOnHeapAndDirectBuffers(String name, DtcEncoding encoding) {
        WireFormat format = WireFormats.of(encoding);
        DtcMessage message = MessageSamples.everyFieldSet(DtcSpec.v8().message(name));

        byte[] onHeap = write(format, message, Unpooled.buffer(16));
        byte[] direct = write(format, message, Unpooled.directBuffer(16));
        assertThat(onHeap).isEqualTo(direct);
        // A reused buffer holds old bytes: every byte of the frame must still be written.
        byte[] dirty = new byte[8192];
        java.util.Arrays.fill(dirty, (byte) 0xAB);
        assertThat(write(format, message, Unpooled.buffer(8192).writeBytes(dirty).clear())).isEqualTo(onHeap);
        assertThat(write(format, DtcMessage.of(name), Unpooled.buffer(8192).writeBytes(dirty).clear()))
                .isEqualTo(write(format, DtcMessage.of(name), Unpooled.directBuffer(16)));

        // After other bytes, so the frame starts neither at index 0 nor at the array's start.
        ByteBuf heap = Unpooled.buffer().writeBytes(new byte[7]).writeBytes(onHeap);
        ByteBuf off = Unpooled.directBuffer().writeBytes(new byte[7]).writeBytes(onHeap);
        try {
            assertThat(read(format, heap.skipBytes(7))).isEqualTo(message);
            assertThat(read(format, off.skipBytes(7))).isEqualTo(message);
        } finally {
            heap.release();
            off.release();
        }
    }

    @Test
    void shouldWriteTextOutsideLatin1AsIso88591DoesOnBothPaths() {
        // 'é' fits a byte; '€' does not and the clef is a surrogate pair: each unmappable one is one '?'.
        String symbol = "é€\uD834\uDD1Ex";
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", symbol);
        MessageSpec spec = m.spec();
        int at = spec.field("Symbol").offset();
        byte[] expected = symbol.getBytes(StandardCharsets.ISO_8859_1);
        for (ByteBuf out : new ByteBuf[] {Unpooled.buffer(), Unpooled.directBuffer()}) {
            byte[] wire = write(WireFormats.of(DtcEncoding.BINARY_ENCODING), m, out);
            byte[] symbolBytes = new byte[expected.length + 1];
            System.arraycopy(wire, at, symbolBytes, 0, symbolBytes.length);
            assertThat(symbolBytes).containsExactly((byte) 0xE9, (byte) '?', (byte) '?', (byte) 'x', (byte) 0);
        }
    }

    @Test
    void shouldMeasureAStringByItsIso88591BytesNotItsChars() {
        // 95 chars, but each of the 32 surrogate pairs is one '?' byte: 63 bytes fit char[64]; 64 Latin-1 chars do not.
        String pairs = "\uD834\uDD1E".repeat(32) + "y".repeat(31);
        DtcMessage fits = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", pairs);
        byte[] wire = write(WireFormats.of(DtcEncoding.BINARY_ENCODING), fits, Unpooled.buffer());
        assertThat(wire).hasSize(fits.spec().binarySize());

        DtcMessage tooLong = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "é".repeat(64));
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> WireFormats.of(DtcEncoding.BINARY_ENCODING).writeFrame(tooLong, out))
                    .hasMessageStartingWith("SUBMIT_NEW_SINGLE_ORDER.Symbol: 64 characters (expected: at most 63");
            assertThat(out.writerIndex()).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void shouldShareTheDefaultsBoxForAnUnsetPriceAndStillReadItAsSet() {
        DtcMessage sent = DtcMessage.of("ORDER_UPDATE").set("Price1", 4321.25);
        ByteBuf wire = Wire.binary(sent);
        try {
            DtcMessage got = (DtcMessage) WireFormats.of(DtcEncoding.BINARY_ENCODING).decode(wire);
            assertThat(got).isEqualTo(sent);
            assertThat(got.getDouble("Price2")).isEqualTo(Double.MAX_VALUE);
            assertThat(got.isSet("Price2")).isTrue();
            assertThat(got.get("Price2")).isSameAs(got.spec().field("Price2").defaultValue());
        } finally {
            wire.release();
        }
    }

    private static byte[] write(WireFormat format, DtcMessage m, ByteBuf out) {
        try {
            format.writeFrame(m, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static Object read(WireFormat format, ByteBuf in) {
        ByteBuf frame = format.nextFrame(in, DtcFraming.DEFAULT_MAX_FRAME);
        assertThat(frame).isNotNull();
        return format.decode(frame);
    }
}
