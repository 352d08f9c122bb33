package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages written between two flushes leave as one buffer, each still answered on its own promise. */
class OutboundBatchTest {
    private static final int UPDATE_SIZE = DtcMessage.of("ORDER_UPDATE").spec().binarySize();

    @Test
    void shouldSendMessagesWrittenBeforeOneFlushAsOneBufferInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        for (int i = 1; i <= 3; i++) {
            channel.write(DtcCodecTest.filled("S" + i), channel.voidPromise());
        }
        assertThat((Object) channel.readOutbound()).as("nothing leaves before the flush").isNull();
        channel.flush();
        ByteBuf out = channel.readOutbound();
        assertThat(out.readableBytes()).isEqualTo(3 * UPDATE_SIZE);
        assertThat(serverOrderIds(out)).containsExactly("S1", "S2", "S3");
        out.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldFailOnlyTheMessageThatCannotBeEncoded() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        ChannelFuture first = channel.write(DtcCodecTest.filled("S1"));
        ChannelFuture tooLong = channel.write(DtcCodecTest.filled("x".repeat(40)));
        ChannelFuture third = channel.write(DtcCodecTest.filled("S3"));
        assertThat(tooLong.isDone()).as("refused as it is written").isTrue();
        assertThat(tooLong.cause()).hasMessageContaining("ORDER_UPDATE.ServerOrderID: 40 characters");
        channel.flush();
        assertThat(first.isSuccess()).isTrue();
        assertThat(third.isSuccess()).isTrue();
        ByteBuf out = channel.readOutbound();
        assertThat(serverOrderIds(out)).containsExactly("S1", "S3");
        out.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldKeepRawBytesInTheirPlaceBetweenMessages() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        channel.write(DtcCodecTest.filled("S1"));
        channel.write(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        channel.write(DtcCodecTest.filled("S2"));
        channel.flush();
        ByteBuf before = channel.readOutbound();
        ByteBuf raw = channel.readOutbound();
        ByteBuf after = channel.readOutbound();
        assertThat(serverOrderIds(before)).containsExactly("S1");
        assertThat(raw.readableBytes()).isEqualTo(3);
        assertThat(serverOrderIds(after)).containsExactly("S2");
        before.release();
        raw.release();
        after.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldWriteAFullBatchWithoutWaitingForTheFlush() {
        EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        int count = 3 * OutboundBatch.CAPACITY / UPDATE_SIZE;
        for (int i = 0; i < count; i++) {
            channel.write(DtcCodecTest.filled("S" + i), channel.voidPromise());
        }
        channel.flush();
        List<String> ids = new ArrayList<>();
        int buffers = 0;
        for (ByteBuf b; (b = channel.readOutbound()) != null; buffers++) {
            assertThat(b.readableBytes()).isLessThanOrEqualTo(OutboundBatch.CAPACITY + UPDATE_SIZE);
            ids.addAll(serverOrderIds(b));
            b.release();
        }
        assertThat(buffers).isBetween(3, 4);
        assertThat(ids).hasSize(count).startsWith("S0", "S1").endsWith("S" + (count - 1));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldEncodeEachMessageInTheEncodingInForceWhenItWasWritten() {
        DtcCodec codec = DtcCodec.fixed(DtcEncoding.BINARY_ENCODING);
        EmbeddedChannel channel = new EmbeddedChannel(codec);
        channel.write(DtcCodecTest.filled("S1"));
        codec.switchTo(DtcEncoding.JSON_ENCODING);
        channel.write(DtcCodecTest.filled("S2"));
        channel.flush();
        ByteBuf out = channel.readOutbound();
        BinaryFormat binary = new BinaryFormat(dev.dtcharness.protocol.spec.DtcSpec.v8());
        DtcMessage first = (DtcMessage) binary.decodeNext(out, DtcFraming.DEFAULT_MAX_FRAME);
        assertThat(first.getString("ServerOrderID")).isEqualTo("S1");
        assertThat(out.isReadable()).as("a switch ends the buffer: each holds one encoding (WebSocket frames by it)")
                .isFalse();
        out.release();
        out = channel.readOutbound();
        String rest = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(rest).startsWith("{\"Type\":301").contains("\"ServerOrderID\":\"S2\"").endsWith("}\0");
        out.release();
        assertThat(channel.finish()).isFalse();
    }

    private static List<String> serverOrderIds(ByteBuf frames) {
        BinaryFormat binary = new BinaryFormat(dev.dtcharness.protocol.spec.DtcSpec.v8());
        ByteBuf view = frames.duplicate();
        List<String> ids = new ArrayList<>();
        for (Object m; (m = binary.decodeNext(view, DtcFraming.DEFAULT_MAX_FRAME)) != null; ) {
            ids.add(((DtcMessage) m).getString("ServerOrderID"));
        }
        assertThat(view.isReadable()).as("whole frames only").isFalse();
        return ids;
    }
}
