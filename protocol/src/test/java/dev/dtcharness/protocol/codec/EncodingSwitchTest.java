package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FACTS.md 1.7: the response goes out in the old encoding, and the very next byte is read in the new one. */
class EncodingSwitchTest {

    @Test
    void shouldSwitchBetweenTwoMessagesOfTheSameRead() {
        List<DtcMessage> seen = new ArrayList<>();
        DtcCodec codec = DtcCodec.detecting();
        EmbeddedChannel server = new EmbeddedChannel(codec, new SimpleChannelInboundHandler<DtcMessage>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DtcMessage msg) {
                seen.add(msg);
                if (msg.is("ENCODING_REQUEST")) {
                    ctx.writeAndFlush(DtcMessage.of("ENCODING_RESPONSE").set("Encoding", msg.getLong("Encoding")));
                    codec.switchTo(DtcEncoding.ofCode(msg.getLong("Encoding")));
                }
            }
        });
        ByteBuf request = Wire.binary(DtcMessage.of("ENCODING_REQUEST").setEnum("Encoding", "JSON_ENCODING"));
        ByteBuf logon = Unpooled.copiedBuffer("{\"Type\":1,\"ClientName\":\"py\"}\0", StandardCharsets.UTF_8);

        server.writeInbound(Unpooled.wrappedBuffer(request, logon));

        assertThat(seen).extracting(DtcMessage::name).containsExactly("ENCODING_REQUEST", "LOGON_REQUEST");
        assertThat(seen.get(1).getString("ClientName")).isEqualTo("py");
        ByteBuf response = server.readOutbound();
        assertThat(response.readableBytes()).as("binary ENCODING_RESPONSE").isEqualTo(16);
        assertThat(response.getIntLE(8)).isEqualTo(2);
        response.release();
        server.writeOutbound(DtcMessage.of("HEARTBEAT"));
        ByteBuf heartbeat = server.readOutbound();
        assertThat(heartbeat.toString(StandardCharsets.UTF_8)).isEqualTo("{\"Type\":3}\0");
        heartbeat.release();
        assertThat(server.finish()).isFalse();
    }
}
