package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transport oddities cost one quiet line: HTTP on the DTC port and WebSocket frames no client may send each
 * give exactly one WARN naming the peer and the problem, no ERROR and no stack trace, and the port goes on
 * serving the next client.
 */
class TransportOdditiesAcceptanceTest {
    private static final String UPGRADE = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
            "HEAD / HTTP/1.0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n"})
    void shouldAnswerHttpOnTheDtcPortWithOneWarning(String request) {
        try (LogCapture log = new LogCapture(); Socket socket = connect()) {
            String peer = "127.0.0.1:" + socket.getLocalPort();
            write(socket, request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(readUntilClosed(socket), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400");
            if (!request.startsWith("HEAD")) {
                assertThat(answer).as("says what the port serves").contains("This is a DTC port");
            }

            assertOneQuietWarning(log, peer, "HTTP");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertStillServing();
    }

    @Test
    void shouldAnswerAnHttpRequestTooLargeForTheDtcPortWithOneWarning() {
        try (LogCapture log = new LogCapture(); Socket socket = connect()) {
            String peer = "127.0.0.1:" + socket.getLocalPort();
            write(socket, ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(readUntilClosed(socket), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 413");

            assertOneQuietWarning(log, peer, "HTTP");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad opcode", "bad length", "unmasked"})
    void shouldCloseABrokenWebSocketWithOneWarning(String fault) {
        byte[] frame = switch (fault) {
            // Opcode 3 is reserved (RFC 6455 section 5.2).
            case "bad opcode" -> masked(0x83, "{}");
            // A 64-bit length with its top bit set: no frame is that long.
            case "bad length" -> new byte[] {(byte) 0x81, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 5,
                    MASK[0], MASK[1], MASK[2], MASK[3]};
            // A client must mask every frame (RFC 6455 section 5.1).
            default -> new byte[] {(byte) 0x81, 2, '{', '}'};
        };
        try (LogCapture log = new LogCapture(); Socket socket = connect()) {
            String peer = "127.0.0.1:" + socket.getLocalPort();
            write(socket, UPGRADE.getBytes(StandardCharsets.US_ASCII));
            assertThat(readHttpHead(socket.getInputStream())).startsWith("HTTP/1.1 101");
            write(socket, frame);
            readUntilClosed(socket);

            assertOneQuietWarning(log, peer, "WebSocket");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertStillServing();
    }

    @Test
    void shouldKeepServingWhenAcceptingFailsForWantOfFileDescriptors() {
        try (LogCapture log = new LogCapture()) {
            // What Netty's accept loop puts through the listening channel's pipeline when accept(2) fails with
            // EMFILE; running the test JVM out of descriptors for real would take other tests' sockets with it.
            for (int i = 0; i < 3; i++) {
                simulator.listeningChannel().pipeline().fireExceptionCaught(new IOException("Too many open files"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.lines().isEmpty());
            assertStillServing();
            List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")).toList();
            assertThat(warnings).singleElement().asString().startsWith("WARN")
                    .contains("port " + simulator.port()).contains("Too many open files");
            assertThat(log.withStackTraces()).isEmpty();
        }
    }

    private static void assertOneQuietWarning(LogCapture log, String peer, String problem) {
        // The session's own lines come after the socket closes: wait for its last one.
        await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().stream().anyMatch(l -> l.endsWith(" closed")));
        List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")).toList();
        assertThat(warnings).as("one WARN naming the peer and the problem").singleElement().asString()
                .startsWith("WARN").contains(peer).contains(problem);
        assertThat(log.withStackTraces()).isEmpty();
    }

    private void assertStillServing() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            client.logOn();
        }
    }

    private static byte[] masked(int firstByte, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + body.length];
        frame[0] = (byte) firstByte;
        frame[1] = (byte) (0x80 | body.length);
        System.arraycopy(MASK, 0, frame, 2, 4);
        for (int i = 0; i < body.length; i++) {
            frame[6 + i] = (byte) (body[i] ^ MASK[i % 4]);
        }
        return frame;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", simulator.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void write(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    private static String readHttpHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Everything until the simulator closes the connection (fails after the socket's 5 s timeout). */
    private static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(chunk)) >= 0; ) {
                all.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the simulator did not close the connection; it sent: "
                    + all.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException reset) {
            // closed with a reset: as closed as it gets
        }
        return all.toByteArray();
    }
}
