package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSamples;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of the spec survives encode then decode through the Netty codec, in each encoding. */
class RoundTripTest {
    static Stream<Arguments> everyMessageInEveryEncoding() {
        return DtcSpec.v8().messages().stream().flatMap(m -> Stream.of(DtcEncoding.values())
                .filter(DtcEncoding::isImplemented)
                .map(e -> Arguments.of(m.name(), e)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyMessageInEveryEncoding")
    void shouldRoundTripEveryFieldSet(String name, DtcEncoding encoding) {
        DtcMessage sent = MessageSamples.everyFieldSet(DtcSpec.v8().message(name));
        assertThat(roundTrip(sent, encoding)).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyMessageInEveryEncoding")
    void shouldRoundTripAnEmptyMessageAsDefaults(String name, DtcEncoding encoding) {
        MessageSpec spec = DtcSpec.v8().message(name);
        DtcMessage received = roundTrip(DtcMessage.of(spec), encoding);
        assertThat(received).isEqualTo(DtcMessage.of(spec));
    }

    static DtcMessage roundTrip(DtcMessage sent, DtcEncoding encoding) {
        EmbeddedChannel writer = new EmbeddedChannel(DtcCodec.fixed(encoding));
        EmbeddedChannel reader = new EmbeddedChannel(DtcCodec.fixed(encoding));
        assertThat(writer.writeOutbound(sent)).isTrue();
        ByteBuf bytes = writer.readOutbound();
        assertThat(reader.writeInbound(bytes)).isTrue();
        DtcMessage received = reader.readInbound();
        assertThat(writer.finish()).isFalse();
        assertThat(reader.finish()).isFalse();
        return received;
    }
}
