package dev.dtcharness.simulator.session;

import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import javax.net.ssl.SSLException;

/**
 * Tells a transport oddity (HTTP that is not a WebSocket upgrade, a WebSocket frame no client may send,
 * TLS that does not handshake) from a failure of ours: the peer's mistakes cost one WARN line and its
 * connection, never an ERROR or a stack trace.
 */
final class TransportFailures {
    private TransportFailures() {
    }

    /** Past this, a description is cut: some carry the peer's bytes in hex (TLS: "not an SSL/TLS record: ..."). */
    static final int MAX_LENGTH = 200;

    /** What went wrong in plain words when {@code cause} is a transport oddity; null when it is not one. */
    static String describe(Throwable cause) {
        String what = find(cause);
        return what == null || what.length() <= MAX_LENGTH ? what : what.substring(0, MAX_LENGTH) + "...";
    }

    private static String find(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TransportOddity oddity) {
                return oddity.getMessage();
            }
            if (c instanceof CorruptedWebSocketFrameException || c instanceof WebSocketHandshakeException) {
                return "WebSocket protocol error: " + c.getMessage();
            }
            if (c instanceof SSLException) {
                return "TLS failed: " + c.getMessage();
            }
            if (c instanceof TooLongFrameException || c instanceof CorruptedFrameException) {
                // Netty's HTTP and WebSocket decoders (the DTC codec throws its own exceptions).
                return "HTTP or WebSocket framing error: " + c.getMessage();
            }
        }
        return null;
    }
}
