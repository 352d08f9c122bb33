package dev.dtcharness.simulator.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tells a WebSocket client from a plain TCP one by its first bytes, as Sierra Chart's DTC port does
 * (FACTS.md 1.6): an HTTP {@code GET} upgrade gets the WebSocket handshake and frame adapter in front
 * of the usual DTC pipeline; anything else goes straight on. Removes itself after the first bytes.
 */
final class WebSocketDetector extends ByteToMessageDecoder {
    static final String NAME = "websocket-detector";
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);

    private final int maxFrame;

    WebSocketDetector(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int known = Math.min(in.readableBytes(), GET.length);
        for (int i = 0; i < known; i++) {
            if (in.getByte(in.readerIndex() + i) != GET[i]) {
                ctx.pipeline().remove(this);
                return;
            }
        }
        if (known < GET.length) {
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        p.addAfter(NAME, "http", new HttpServerCodec());
        p.addAfter("http", "http-aggregator", new HttpObjectAggregator(maxFrame));
        p.addAfter("http-aggregator", "websocket", new WebSocketServerProtocolHandler("/", null, true, maxFrame));
        p.addAfter("websocket", WebSocketFrames.NAME, new WebSocketFrames());
        // Removal hands the bytes read so far (the upgrade request) to the HTTP codec.
        p.remove(this);
    }
}
