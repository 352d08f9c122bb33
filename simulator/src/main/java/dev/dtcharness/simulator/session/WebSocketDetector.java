package dev.dtcharness.simulator.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tells an HTTP client from a plain TCP one by its first bytes, as Sierra Chart's DTC port does
 * (FACTS.md 1.6): a request line (a method and a space) gets HTTP in front of the usual DTC pipeline, where
 * a WebSocket upgrade gets the handshake and frame adapter and any other request a 400 ({@link HttpOnDtcPort});
 * anything else goes straight on. No DTC client is mistaken: a JSON one starts with {@code {}, and a binary
 * frame's little-endian size would have an upper-case letter as its high byte, 16 KB and more, where a
 * client's first message takes a few hundred bytes. Removes itself after the first bytes.
 */
final class WebSocketDetector extends ByteToMessageDecoder {
    static final String NAME = "websocket-detector";
    private static final byte[][] METHODS = {bytes("GET "), bytes("POST "), bytes("PUT "), bytes("HEAD "),
            bytes("DELETE "), bytes("OPTIONS "), bytes("PATCH "), bytes("CONNECT "), bytes("TRACE ")};

    private final int maxFrame;

    WebSocketDetector(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean mayBeHttp = false;
        for (byte[] method : METHODS) {
            int known = Math.min(in.readableBytes(), method.length);
            if (startsWith(in, method, known)) {
                if (known == method.length) {
                    installHttp(ctx.pipeline());
                    return;
                }
                mayBeHttp = true;
            }
        }
        if (!mayBeHttp) {
            ctx.pipeline().remove(this);
        }
    }

    private static boolean startsWith(ByteBuf in, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (in.getByte(in.readerIndex() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void installHttp(ChannelPipeline p) {
        p.addAfter(NAME, "http", new HttpServerCodec());
        p.addAfter("http", "http-aggregator", new HttpObjectAggregator(maxFrame) {
            @Override
            protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
                // Answered 413 and closed by the aggregator; the operator hears of it once, like any other oddity.
                super.handleOversizedMessage(ctx, oversized);
                ctx.fireExceptionCaught(new TransportOddity("HTTP request on the DTC port of more than " + maxFrame
                        + " bytes; answered 413"));
            }
        });
        p.addAfter("http-aggregator", HttpOnDtcPort.NAME, new HttpOnDtcPort());
        p.addAfter(HttpOnDtcPort.NAME, "websocket", new WebSocketServerProtocolHandler("/", null, true, maxFrame));
        p.addAfter("websocket", WebSocketFrames.NAME, new WebSocketFrames());
        // Removal hands the bytes read so far (the request) to the HTTP codec.
        p.remove(this);
    }
}
