package dev.dtcharness.simulator.session;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Back-pressure for a peer that sends but never reads: every order is answered with several
 * ORDER_UPDATEs, so without this the answers would pile up in memory for as long as the peer kept
 * writing. Above the channel's high water mark the session stops reading; below the low one it
 * reads again. While it does not read, the peer cannot be judged silent (SilenceDetector).
 */
@ChannelHandler.Sharable
final class ReadWhileWritable extends ChannelInboundHandlerAdapter {
    static final ReadWhileWritable INSTANCE = new ReadWhileWritable();

    private ReadWhileWritable() {
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
