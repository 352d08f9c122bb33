package dev.dtcharness.simulator.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * HTTP on the DTC port: a WebSocket upgrade goes on to the handshake; any other request (a browser that
 * opened http://host:port/, a health check, a proxy) is answered 400 with a text saying what the port
 * serves, and the connection closes after one WARN line (raised as a {@link TransportOddity}).
 */
final class HttpOnDtcPort extends ChannelInboundHandlerAdapter {
    static final String NAME = "http-on-dtc-port";
    private static final byte[] ANSWER = ("This is a DTC port (Sierra Chart's Data and Trading Communications protocol):"
            + " connect with DTC over TCP (binary or JSON) or open a WebSocket at ws://host:port/\n")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject http)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String problem = problem(http);
        if (problem == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(ANSWER));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, ANSWER.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                // The version a client should ask for when it retries a WebSocket (RFC 6455 section 4.4).
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        ctx.fireExceptionCaught(new TransportOddity(problem + "; answered 400"));
    }

    /** Why this is not a WebSocket upgrade, or null when it is one. */
    private static String problem(HttpObject http) {
        if (http.decoderResult().isFailure()) {
            return "HTTP request on the DTC port that does not parse (" + http.decoderResult().cause().getMessage() + ")";
        }
        if (!(http instanceof FullHttpRequest request)) {
            return "HTTP message on the DTC port that is not a request";
        }
        String what = "HTTP " + request.method() + " " + shortened(request.uri()) + " on the DTC port";
        if (!HttpMethod.GET.equals(request.method())) {
            return what + ", not a WebSocket upgrade";
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return what + " without Upgrade: websocket";
        }
        if (!request.uri().startsWith("/")) {
            return what + ": a WebSocket upgrade names a path, such as /";
        }
        String version = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (version != null && !version.trim().equals("13")) {
            // Netty would answer a version it does not speak without a word in the log.
            return what + " asks for WebSocket version " + shortened(version) + " (this port speaks 13, RFC 6455)";
        }
        return null;
    }

    private static String shortened(String uri) {
        return uri.length() <= 80 ? uri : uri.substring(0, 80) + "...";
    }
}
