package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSamples;
import dev.dtcharness.protocol.conformance.ConformanceChecker;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated frames through every decoder: the only thing that may come out besides
 * messages is a {@link DtcCodecException}, buffered bytes stay under the frame limit, and no
 * buffer leaks (the suite runs with paranoid leak detection). Tries per property come from
 * jqwik.tries.default (src/test/resources/junit-platform.properties); raise it for a longer run:
 * {@code mvn -pl protocol test -Dtest=DecoderFuzzTest -Djqwik.tries.default=100000}.
 */
class DecoderFuzzTest {
    private static final int LIMIT = 4096;

    @Property
    void randomBytesNeverEscapeAsAnythingButACodecError(@ForAll("encodings") DtcEncoding encoding,
            @ForAll @Size(max = 3000) byte[] bytes, @ForAll @IntRange(min = 1, max = 700) int chunk) {
        feed(encoding, bytes, chunk);
    }

    @Property
    void mutatedFramesNeverEscapeAsAnythingButACodecError(@ForAll("mutatedFrames") Mutated frame,
            @ForAll @IntRange(min = 1, max = 700) int chunk) {
        feed(frame.encoding(), frame.bytes(), chunk);
    }

    @Property
    void theCheckerNeverThrows(@ForAll("mutatedFrames") Mutated frame) {
        ByteBuf buf = Unpooled.wrappedBuffer(frame.bytes());
        new ConformanceChecker(DtcSpec.v8()).check(buf, frame.encoding(), Direction.CLIENT_TO_SERVER, false);
        buf.release();
    }

    private static void feed(DtcEncoding encoding, byte[] bytes, int chunk) {
        DtcCodec codec = DtcCodec.fixed(encoding, LIMIT);
        EmbeddedChannel channel = new EmbeddedChannel(codec);
        try {
            for (int at = 0; at < bytes.length; at += chunk) {
                int n = Math.min(chunk, bytes.length - at);
                try {
                    channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
                } catch (DecoderException e) {
                    assertThat(e.getCause()).isInstanceOf(DtcCodecException.class);
                }
                assertThat(codec.bufferedBytes()).isLessThanOrEqualTo(LIMIT + chunk);
            }
            List<Object> out = List.copyOf(channel.inboundMessages());
            assertThat(out).allMatch(m -> m instanceof DtcMessage || m instanceof dev.dtcharness.protocol.UnknownMessage);
        } finally {
            try {
                // Closing decodes what is left, which may be the very frame that breaks the stream.
                channel.finishAndReleaseAll();
            } catch (DecoderException e) {
                assertThat(e.getCause()).isInstanceOf(DtcCodecException.class);
            }
        }
    }

    @Provide
    Arbitrary<DtcEncoding> encodings() {
        return Arbitraries.of(DtcEncoding.BINARY_ENCODING, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS,
                DtcEncoding.JSON_ENCODING, DtcEncoding.JSON_COMPACT_ENCODING);
    }

    @Provide
    Arbitrary<Mutated> mutatedFrames() {
        Arbitrary<MessageSpec> messages = Arbitraries.of(List.copyOf(DtcSpec.v8().messages()));
        return Combinators.combine(encodings(), messages, Arbitraries.longs(), Arbitraries.integers().between(0, 8))
                .as((encoding, spec, seed, mutations) -> Mutated.of(encoding, spec, seed, mutations));
    }

    /** A valid frame of one message with a few bytes flipped, cut, or repeated. */
    record Mutated(DtcEncoding encoding, byte[] bytes) {
        static Mutated of(DtcEncoding encoding, MessageSpec spec, long seed, int mutations) {
            ByteBuf wire = Unpooled.buffer();
            WireFormats.of(encoding).writeFrame(MessageSamples.everyFieldSet(spec), wire);
            byte[] bytes = new byte[wire.readableBytes()];
            wire.readBytes(bytes);
            wire.release();
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < mutations && bytes.length > 0; i++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
                    case 2 -> bytes[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                    default -> {
                        byte[] twice = java.util.Arrays.copyOf(bytes, bytes.length * 2);
                        System.arraycopy(bytes, 0, twice, bytes.length, bytes.length);
                        bytes = twice;
                    }
                }
            }
            return new Mutated(encoding, bytes);
        }
    }
}
