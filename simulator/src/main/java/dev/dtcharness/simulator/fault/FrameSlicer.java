package dev.dtcharness.simulator.fault;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.Random;

/**
 * Cuts outbound bytes into small TCP writes of 1 to {@code maxBytes} bytes (seeded random sizes),
 * each flushed on its own, so a client's reader must reassemble frames split anywhere (FACTS.md 4.5).
 * Off while {@code maxBytes} is 0.
 */
public final class FrameSlicer extends ChannelOutboundHandlerAdapter {
    private final Random random;
    private volatile int maxBytes;

    public FrameSlicer(long seed) {
        this.random = new Random(seed);
    }

    public void maxBytes(int max) {
        maxBytes = Math.max(0, max);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        int max = maxBytes;
        if (max == 0 || !(msg instanceof ByteBuf buf) || buf.readableBytes() <= 1) {
            ctx.write(msg, promise);
            return;
        }
        while (buf.readableBytes() > max) {
            ctx.write(buf.readRetainedSlice(1 + random.nextInt(max)), ctx.voidPromise());
            ctx.flush();
        }
        ctx.write(buf, promise);
    }
}
