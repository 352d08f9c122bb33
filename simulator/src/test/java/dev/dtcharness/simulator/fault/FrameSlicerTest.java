package dev.dtcharness.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSlicerTest {

    @Test
    void shouldCutOutboundBytesIntoWritesOfAtMostTheLimitInOrder() {
        FrameSlicer slicer = new FrameSlicer(1);
        slicer.maxBytes(3);
        EmbeddedChannel channel = new EmbeddedChannel(slicer);
        byte[] frame = new byte[40];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame));

        List<Integer> sizes = new ArrayList<>();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf piece; (piece = channel.readOutbound()) != null; ) {
            sizes.add(piece.readableBytes());
            all.writeBytes(piece);
            piece.release();
        }
        assertThat(sizes).hasSizeGreaterThan(10).allMatch(n -> n >= 1 && n <= 3);
        byte[] joined = new byte[all.readableBytes()];
        all.readBytes(joined);
        all.release();
        assertThat(joined).isEqualTo(frame);
        assertThat(channel.finish()).isFalse();
    }
}
