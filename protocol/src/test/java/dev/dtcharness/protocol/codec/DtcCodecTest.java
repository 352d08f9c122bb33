package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing and decoding of byte streams as TCP really delivers them: split, coalesced, or broken. */
class DtcCodecTest {

    @Test
    void shouldDecodeBinaryOrderUpdateSplitAcrossReads() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        ByteBuf frame = Wire.binary(filled("S1"));
        while (frame.readableBytes() > 1) {
            assertThat(channel.writeInbound(frame.readRetainedSlice(1))).isFalse();
        }
        assertThat(channel.writeInbound(frame)).isTrue();
        DtcMessage update = channel.readInbound();
        assertThat(update.getInt("OrderStatus")).isEqualTo(7);
        assertThat(update.getString("ServerOrderID")).isEqualTo("S1");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldDecodeJsonSplitAcrossReads() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        ByteBuf frame = Wire.json("{\"Type\":301,\"ServerOrderID\":\"S1\",\"BidPrice\":1891.25,\"OrderStatus\":7}");
        while (frame.readableBytes() > 1) {
            assertThat(channel.writeInbound(frame.readRetainedSlice(1))).isFalse();
        }
        assertThat(channel.writeInbound(frame)).isTrue();
        DtcMessage update = channel.readInbound();
        assertThat(update.getInt("OrderStatus")).isEqualTo(7);
        assertThat(update.getDouble("Price1")).as("unset price reads DBL_MAX").isEqualTo(Double.MAX_VALUE);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldDecodeSeveralFramesFromOneRead() {
        EmbeddedChannel binary = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        binary.writeInbound(Unpooled.wrappedBuffer(Wire.binary(filled("S1")), Wire.binary(filled("S2")),
                Wire.binary(filled("S3"))));
        assertThat(binary.inboundMessages()).hasSize(3);
        assertThat(((DtcMessage) binary.readInbound()).getString("ServerOrderID")).isEqualTo("S1");
        binary.finishAndReleaseAll();

        EmbeddedChannel json = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        // Stray NULs between messages are skipped, as pyDTC and JT clients expect.
        json.writeInbound(Unpooled.copiedBuffer("{\"Type\":3}\0\0{\"Type\":3}\0{\"Type\":5,\"Reason\":\"bye\"}\0",
                StandardCharsets.UTF_8));
        assertThat(json.inboundMessages()).hasSize(3);
        json.finishAndReleaseAll();
    }

    @Test
    void shouldRejectABinarySizeBelowTheHeaderAndIgnoreWhatFollows() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        ByteBuf bad = Unpooled.wrappedBuffer(new byte[] {2, 0, 3, 0});
        assertThatThrownBy(() -> channel.writeInbound(bad))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(DtcCodecException.class)
                .hasMessageContaining("binary header Size is 2 (expected: at least 4");
        assertThat(channel.writeInbound(Wire.binary(filled("S9")))).isFalse();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldRejectJsonThatDoesNotParseAsFatal() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        assertThatThrownBy(() -> channel.writeInbound(Wire.json("{\"Type\":208,")))
                .cause().isInstanceOf(DtcCodecException.class)
                .hasMessageStartingWith("JSON frame does not parse")
                .matches(e -> ((DtcCodecException) e).isFatal());
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldNameAFieldOfTheWrongJsonTypeAndKeepTheRest() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        assertThatThrownBy(() -> channel.writeInbound(
                Wire.json("{\"Type\":208,\"ClientOrderID\":\"py-1\",\"BuySell\":\"BUY\",\"Quantity\":1}")))
                .cause().isInstanceOfSatisfying(DtcFieldException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("SUBMIT_NEW_SINGLE_ORDER.BuySell: \"BUY\" "
                            + "(expected: BuySellEnum integer, BUY_SELL_UNSET = 0, BUY = 1, SELL = 2)");
                    assertThat(e.isFatal()).isFalse();
                    assertThat(e.partial().getString("ClientOrderID")).isEqualTo("py-1");
                });
        // The session goes on: the next message decodes.
        assertThat(channel.writeInbound(Wire.json("{\"Type\":3}"))).isTrue();
        assertThat(((DtcMessage) channel.readInbound()).name()).isEqualTo("HEARTBEAT");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldDeliverTheGoodFrameBehindABadFieldInTheSameRead() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING));
        ByteBuf both = Unpooled.wrappedBuffer(Wire.json("{\"Type\":208,\"BuySell\":\"BUY\"}"), Wire.json("{\"Type\":3}"));
        assertThatThrownBy(() -> channel.writeInbound(both)).cause().isInstanceOf(DtcFieldException.class);
        // Decoded in that same read, not left waiting for the peer's next bytes.
        assertThat(((DtcMessage) channel.readInbound()).name()).isEqualTo("HEARTBEAT");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldPassUnknownTypesUpAndCarryOn() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        ByteBuf unknown = Unpooled.buffer().writeShortLE(8).writeShortLE(9999).writeIntLE(42);
        channel.writeInbound(Unpooled.wrappedBuffer(unknown, Wire.binary(filled("S1"))));
        assertThat((Object) channel.readInbound()).isEqualTo(new UnknownMessage(9999, DtcEncoding.BINARY_ENCODING, 8));
        assertThat(((DtcMessage) channel.readInbound()).getString("ServerOrderID")).isEqualTo("S1");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldReadShorterAndLongerBinaryMessagesByTheVersioningRules() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        // An older LOGON_RESPONSE that stops before the capability flags: they take their defaults.
        ByteBuf shorter = Unpooled.buffer().writeShortLE(12).writeShortLE(2).writeIntLE(8).writeIntLE(1);
        // A newer HEARTBEAT with 8 unknown trailing bytes: they are skipped.
        ByteBuf longer = Unpooled.buffer().writeShortLE(24).writeShortLE(3).writeIntLE(5).writeLongLE(1700000000L)
                .writeLongLE(-1L);
        channel.writeInbound(Unpooled.wrappedBuffer(shorter, longer));
        DtcMessage logon = channel.readInbound();
        assertThat(logon.getInt("Result")).isEqualTo(1);
        assertThat(logon.getInt("OrderCancelReplaceSupported")).isEqualTo(1);
        DtcMessage heartbeat = channel.readInbound();
        assertThat(heartbeat.getLong("NumDroppedMessages")).isEqualTo(5);
        assertThat(heartbeat.getLong("CurrentDateTime")).isEqualTo(1700000000L);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldDetectAJsonFirstClientAndAnswerInJson() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.detecting());
        channel.writeInbound(Wire.json("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10}"));
        assertThat(((DtcMessage) channel.readInbound()).getInt("HeartbeatIntervalInSeconds")).isEqualTo(10);
        channel.writeOutbound(DtcMessage.of("HEARTBEAT").set("CurrentDateTime", 1L));
        ByteBuf out = channel.readOutbound();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"Type\":3,\"CurrentDateTime\":1}\0");
        out.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldRefuseToSendAStringLongerThanItsCapacity() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        DtcMessage order = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("ClientOrderID", "x".repeat(32));
        assertThatThrownBy(() -> channel.writeOutbound(order))
                .hasMessageContaining("SUBMIT_NEW_SINGLE_ORDER.ClientOrderID: 32 characters (expected: at most 31");
        assertThat(channel.finish()).isFalse();
    }

    static DtcMessage filled(String serverOrderId) {
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", serverOrderId)
                .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "ORDER_FILLED");
    }
}
