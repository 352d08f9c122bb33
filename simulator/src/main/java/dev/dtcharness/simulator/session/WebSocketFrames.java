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
            int end = bytes.writerIndex();
            while (end > bytes.readerIndex() && bytes.getByte(end - 1) == 0) {
                end--;
            }
            bytes.writerIndex(end);
            ctx.write(new TextWebSocketFrame(bytes), promise);
            return;
        }
        ctx.write(msg, promise);
    }
}
