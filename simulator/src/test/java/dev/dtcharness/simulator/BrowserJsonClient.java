package dev.dtcharness.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * A browser-style DTC client on the JDK's WebSocket (a public client nobody here wrote, which, like a browser,
 * fails the connection on a text frame that is not UTF-8): JSON messages ended by NUL in text frames out, one
 * JSON message per text frame in. A binary frame, an error or a close from the simulator is a violation.
 */
final class BrowserJsonClient extends JsonPeer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private volatile boolean broken;

    BrowserJsonClient(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Collector()).join();
    }

    @Override
    void send(String json) {
        socket.sendText(json + "\0", true).join();
    }

    /** Sends {@code json} as a browser app that forgot DTC's NUL does: the message alone in its frame. */
    void sendWithoutNul(String json) {
        socket.sendText(json, true).join();
    }

    @Override
    protected boolean broken() {
        return broken;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    violations.add("a text frame that is not one JSON message: " + partial);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            violations.add("a binary frame of " + data.remaining() + " bytes");
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            violations.add("closed by the simulator: " + statusCode + " " + reason);
            broken = true;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            violations.add("connection failed: " + error);
            broken = true;
        }
    }
}
