package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.codec.DtcCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.CharsetUtil;

/**
 * DTC messages over WebSocket: each inbound text or binary frame carries one or more JSON messages
 * ended by NUL (a missing final NUL is added, as browser clients often forget it), or, in a binary frame of
 * a session in a binary encoding (FACTS.md 1.6: a binary ENCODING_REQUEST), binary DTC; each outbound
 * JSON message goes out as one text frame without its NUL, ready for {@code JSON.parse}. A text frame
 * is always UTF-8 (RFC 6455 section 8.1; a browser fails the connection otherwise): a session in a
 * binary encoding gets its bytes in binary frames, and so do bytes in a JSON session that are not
 * UTF-8 (the garbage fault), whole as written.
 */
final class WebSocketFrames extends ChannelDuplexHandler {
    static final String NAME = "websocket-frames";

    private DtcCodec codec;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf content = ((WebSocketFrame) msg).content();
        // Binary DTC delimits itself: a NUL added to it would be a stray byte in the stream.
        boolean ended = !carriesJson(ctx, msg, content)
                || content.isReadable() && content.getByte(content.writerIndex() - 1) == 0;
        ctx.fireChannelRead(ended ? content : Unpooled.wrappedBuffer(content, Unpooled.wrappedBuffer(new byte[] {0})));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && !(msg instanceof WebSocketFrame)) {
            if (!inJson(ctx)) {
                // Binary DTC frames delimit themselves (and hold NULs): the buffer goes as it is.
                ctx.write(new BinaryWebSocketFrame(bytes), promise);
                return;
            }
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
                            ctx.write(frame(bytes, from, length), ctx.voidPromise());
                        }
                        from = at;
                        length = stop - at;
                    }
                    at = stop + 1;
                }
                if (from >= 0) {
                    ctx.write(frame(bytes, from, length), promise);
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

    private static WebSocketFrame frame(ByteBuf bytes, int from, int length) {
        ByteBuf content = bytes.retainedSlice(from, length);
        return ByteBufUtil.isText(content, CharsetUtil.UTF_8) ? new TextWebSocketFrame(content)
                : new BinaryWebSocketFrame(content);
    }

    /** Text frames always; a binary frame when the session reads JSON, or its first byte will make it. */
    private boolean carriesJson(ChannelHandlerContext ctx, Object frame, ByteBuf content) {
        if (frame instanceof TextWebSocketFrame) {
            return true;
        }
        DtcCodec dtc = codec(ctx);
        DtcEncoding encoding = dtc == null ? null : dtc.inboundEncoding();
        if (encoding == null) {
            return content.isReadable() && DtcCodec.detectedFrom(content.getByte(content.readerIndex()))
                    == DtcEncoding.JSON_ENCODING;
        }
        return encoding == DtcEncoding.JSON_ENCODING || encoding == DtcEncoding.JSON_COMPACT_ENCODING;
    }

    private DtcCodec codec(ChannelHandlerContext ctx) {
        if (codec == null) {
            codec = (DtcCodec) ctx.pipeline().get(DtcCodec.NAME);
        }
        return codec;
    }

    /** The codec's outbound encoding when these bytes were handed on: each of its buffers holds one. */
    private boolean inJson(ChannelHandlerContext ctx) {
        DtcCodec dtc = codec(ctx);
        if (dtc == null) {
            return true;
        }
        DtcEncoding encoding = dtc.outboundEncoding();
        return encoding == DtcEncoding.JSON_ENCODING || encoding == DtcEncoding.JSON_COMPACT_ENCODING;
    }
}
