package dev.dtcharness.client.internal.session;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per DTC message in and out, with its name ("DTC in  ORDER_UPDATE(301) {...}"), for
 * DEBUG_DTC=1 or -Ddtc.debug=true. It sits after the codec, so it sees messages, not bytes.
 */
final class DtcTraceHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger("dev.dtcharness.client.trace");

    private final String address;

    DtcTraceHandler(String address) {
        this.address = address;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (log.isInfoEnabled()) {
            // As text now: the codec may decode the next frame into this same message.
            log.info("DTC in  {} {}", address, String.valueOf(msg));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        log.info("DTC out {} {}", address, msg);
        ctx.write(msg, promise);
    }
}
