package dev.dtcharness.simulator.session;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** First in a session's pipeline: pins the {@link ReadPassClock} while everything after it handles one read. */
@ChannelHandler.Sharable
final class ReadPassPin extends ChannelInboundHandlerAdapter {
    static final String NAME = "read-pass-clock";

    private final ReadPassClock clock;

    ReadPassPin(ReadPassClock clock) {
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        clock.pin();
        try {
            ctx.fireChannelRead(msg);
        } finally {
            clock.unpin();
        }
    }
}
