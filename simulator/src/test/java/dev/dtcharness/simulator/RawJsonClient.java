package dev.dtcharness.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A JSON-first client on a plain socket, as a Python script writes one: it sends JSON followed by NUL from
 * its first byte on (no ENCODING_REQUEST) and splits what it reads at NUL bytes, each piece one JSON object.
 * A reader thread takes every byte the simulator sends, so nothing that is not JSON can hide between messages.
 */
final class RawJsonClient extends JsonPeer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final Thread reader;

    RawJsonClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::readAll, "raw-json-client");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    void send(String json) {
        try {
            socket.getOutputStream().write((json + "\0").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAll() {
        ByteArrayOutputStream piece = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        take(piece.toByteArray());
                        piece.reset();
                    } else {
                        piece.write(chunk[i]);
                    }
                }
            }
            if (piece.size() > 0) {
                violations.add("bytes without their NUL at the end of the stream: " + hex(piece.toByteArray()));
            }
        } catch (IOException e) {
            // Closed by the test or by the simulator: what was read is all there is.
        }
    }

    private void take(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                violations.add("not a JSON object: " + hex(bytes));
            } else {
                received.add(node);
            }
        } catch (IOException e) {
            violations.add("not JSON: " + hex(bytes));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 48); i++) {
            s.append(String.format("%02x ", bytes[i]));
        }
        return s.append("(").append(bytes.length).append(" bytes)").toString();
    }

    boolean isClosedBySimulator() {
        return !reader.isAlive();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing to do about it
        }
    }
}
