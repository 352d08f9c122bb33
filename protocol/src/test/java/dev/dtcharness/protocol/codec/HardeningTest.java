package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile input gets a clear, fatal error and costs no more memory than one frame limit. */
class HardeningTest {

    @Test
    void shouldRefuseABinarySizeAboveTheLimitBeforeBufferingIt() {
        DtcCodec codec = DtcCodec.fixed(DtcEncoding.BINARY_ENCODING, 1024);
        EmbeddedChannel channel = new EmbeddedChannel(codec);
        ByteBuf header = Unpooled.buffer().writeShortLE(65535).writeShortLE(301);
        assertThatThrownBy(() -> channel.writeInbound(header))
                .cause().hasMessage("binary header Size is 65535 (expected: at most 1024, this endpoint's frame limit)");
        assertThat(codec.bufferedBytes()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldRefuseAJsonFrameWithNoNulWithinTheLimit() {
        DtcCodec codec = DtcCodec.fixed(DtcEncoding.JSON_ENCODING, 1024);
        EmbeddedChannel channel = new EmbeddedChannel(codec);
        assertThat(channel.writeInbound(Unpooled.copiedBuffer("{\"Type\":3," + " ".repeat(1000), StandardCharsets.UTF_8)))
                .isFalse();
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(" ".repeat(100), StandardCharsets.UTF_8)))
                .cause().hasMessageStartingWith("JSON message longer than 1024 bytes without its terminating NUL");
        assertThat(codec.bufferedBytes()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        ByteBuf bad = Unpooled.buffer().writeBytes("{\"Type\":1,\"ClientName\":\"".getBytes(StandardCharsets.UTF_8))
                .writeByte(0xC3).writeByte(0x28).writeBytes("\"}".getBytes(StandardCharsets.UTF_8)).writeByte(0);
        assertThatThrownBy(() -> channel.writeInbound(bad))
                .cause().isInstanceOf(DtcCodecException.class).hasMessageContaining("UTF-8");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldRefuseDeeplyNestedJson() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        String deep = "{\"Type\":3,\"x\":" + "[".repeat(500) + "]".repeat(500) + "}\0";
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(deep, StandardCharsets.UTF_8)))
                .cause().isInstanceOf(DtcCodecException.class).hasMessageContaining("nesting depth");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldWaitForATruncatedBinaryMessageWithoutDecodingIt() {
        DtcCodec codec = DtcCodec.fixed(DtcEncoding.BINARY_ENCODING);
        EmbeddedChannel channel = new EmbeddedChannel(codec);
        assertThat(channel.writeInbound(Unpooled.buffer().writeShortLE(720).writeShortLE(301).writeZero(100))).isFalse();
        assertThat(codec.bufferedBytes()).isEqualTo(104);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }
}
