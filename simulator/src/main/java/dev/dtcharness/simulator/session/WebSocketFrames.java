package dev.dtcharness.simulator.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * DTC messages over WebSocket: each inbound text or binary frame carries one or more JSON messages
 * ended by NUL (a missing final NUL is added, as browser clients often forget it), and each outbound
 * DTC message goes out as one text frame without its NUL, ready for {@code JSON.parse}.
 */
final class WebSocketFrames extends ChannelDuplexHandler {
    static final String NAME = "websocket-frames";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf content = ((WebSocketFrame) msg).content();
        boolean ended = content.isReadable() && content.getByte(content.writerIndex() - 1) == 0;
        ctx.fireChannelRead(ended ? content : Unpooled.wrappedBuffer(content, Unpooled.wrappedBuffer(new byte[] {0})));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && !(msg instanceof WebSocketFrame)) {
            // The codec batches messages: each NUL-ended JSON message becomes a text frame of its own, and the
            // write's promise goes with the last one.
            try {
                int end = bytes.writerIndex();
                int from = -1;
                int length = 0;
                for (int at = bytes.readerIndex(); at < end; ) {
                    int nul = bytes.indexOf(at, end, (byte) 0);
                    int stop = nul < 0 ? end : nul;
                    if (stop > at) {
                        if (from >= 0) {
                            ctx.write(new TextWebSocketFrame(bytes.retainedSlice(from, length)), ctx.voidPromise());
                        }
                        from = at;
                        length = stop - at;
                    }
                    at = stop + 1;
                }
                if (from >= 0) {
                    ctx.write(new TextWebSocketFrame(bytes.retainedSlice(from, length)), promise);
                } else {
                    promise.trySuccess();
                }
            } finally {
                bytes.release();
            }
            return;
        }
        ctx.write(msg, promise);
    }
}
