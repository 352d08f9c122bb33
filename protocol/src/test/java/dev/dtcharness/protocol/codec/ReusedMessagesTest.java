package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A codec told to reuse decodes each accepted type into one message, and stops cleanly when told to. */
class ReusedMessagesTest {
    private final BinaryFormat binary = new BinaryFormat(DtcSpec.v8());
    /** Each message as it arrived, and what it said then. */
    private final List<DtcMessage> seen = new ArrayList<>();
    private final List<String> saidThen = new ArrayList<>();

    @Test
    void shouldDecodeEveryFrameOfAnAcceptedTypeIntoOneMessageEachReadBeforeTheNext() {
        EmbeddedChannel channel = channel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING)
                .reuseDecoded(spec -> spec.name().equals("ORDER_UPDATE")));
        channel.writeInbound(frames(update("S1"), position(1), update("S2"), position(2), update("S3")));

        assertThat(saidThen).containsExactly("S1", "1.0", "S2", "2.0", "S3");
        assertThat(seen.get(0)).isSameAs(seen.get(2)).isSameAs(seen.get(4));
        assertThat(seen.get(1)).as("a type not accepted: a message per frame").isNotSameAs(seen.get(3));
        assertThat(seen.get(1).getDouble("Quantity")).isEqualTo(1.0);
        assertThat(seen.get(4)).isEqualTo(update("S3"));
    }

    @Test
    void shouldNeverWriteAgainTheMessageLastSharedOnceItsTypeIsNoLongerAccepted() {
        AtomicBoolean lettingGo = new AtomicBoolean(true);
        EmbeddedChannel channel = channel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING).reuseDecoded(spec -> lettingGo.get()));
        channel.writeInbound(frames(update("S1"), update("S2")));
        DtcMessage shared = seen.get(1);
        // A reader starts keeping messages (an app listener subscribed): the shared one may be among them.
        lettingGo.set(false);
        channel.writeInbound(frames(update("S3"), update("S4")));
        lettingGo.set(true);
        channel.writeInbound(frames(update("S5"), update("S6")));

        assertThat(saidThen).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(shared.getString("ServerOrderID")).as("kept intact").isEqualTo("S2");
        assertThat(seen.get(2)).isNotSameAs(shared).isNotSameAs(seen.get(3));
        assertThat(seen.get(3).getString("ServerOrderID")).isEqualTo("S4");
        assertThat(seen.get(4)).as("reused again, a new one").isSameAs(seen.get(5)).isNotSameAs(shared);
    }

    @Test
    void shouldMakeAMessagePerFrameInOtherEncodings() {
        EmbeddedChannel channel = channel(DtcCodec.fixed(DtcEncoding.JSON_ENCODING).reuseDecoded(spec -> true));
        ByteBuf json = Unpooled.buffer();
        WireFormats.of(DtcEncoding.JSON_ENCODING).writeFrame(update("S1"), json);
        WireFormats.of(DtcEncoding.JSON_ENCODING).writeFrame(update("S2"), json);
        channel.writeInbound(json);
        assertThat(saidThen).containsExactly("S1", "S2");
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
    }

    private EmbeddedChannel channel(DtcCodec codec) {
        return new EmbeddedChannel(codec, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                DtcMessage m = (DtcMessage) msg;
                seen.add(m);
                saidThen.add(m.is("ORDER_UPDATE") ? m.getString("ServerOrderID") : String.valueOf(m.getDouble("Quantity")));
            }
        });
    }

    private ByteBuf frames(DtcMessage... messages) {
        ByteBuf b = Unpooled.buffer();
        for (DtcMessage m : messages) {
            binary.encode(m, b);
        }
        return b;
    }

    private static DtcMessage update(String serverOrderId) {
        return DtcCodecTest.filled(serverOrderId).set("Symbol", "ESZ6").set("OrderQuantity", 1.0);
    }

    private static DtcMessage position(double quantity) {
        return DtcMessage.of("POSITION_UPDATE").set("Symbol", "ESZ6").set("Quantity", quantity);
    }
}
