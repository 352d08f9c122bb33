package dev.dtcharness.features.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that turns hostile after logon: the client must end that session cleanly and say why. */
class HostileServerTest {
    private final ServerSocket server = newServer();
    private final CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(this::acceptAndLogOn);
    private DtcClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        server.close();
        accepted.thenAccept(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // test teardown
            }
        });
    }

    @Test
    void aSizeBelowTheHeaderEndsTheSessionWithoutEscapingExceptions() throws Exception {
        client = connect(10);
        accepted.get(5, TimeUnit.SECONDS).getOutputStream().write(new byte[] {2, 0, 3, 0, 9, 9, 9});
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.isLoggedOn());
    }

    @Test
    void aServerThatStartsAFrameAndGoesSilentIsTreatedAsGone() throws Exception {
        client = connect(1);
        accepted.get(5, TimeUnit.SECONDS).getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, 3, 0});
        // Twice the 1 s heartbeat interval without a whole message: the client gives the server up.
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.isLoggedOn());
    }

    @Test
    void garbageThatLooksLikeJsonInABinarySessionIsNotMisread() throws Exception {
        client = connect(10);
        accepted.get(5, TimeUnit.SECONDS).getOutputStream().write("{\"Type\":301}\0".getBytes());
        // '{"' read as a binary header is Size 8827: more than the rest, so the client waits for the frame,
        // then gives up on silence; it never delivers a fake ORDER_UPDATE.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> client.orderBook().all().isEmpty() && client.isLoggedOn());
    }

    private DtcClient connect(int heartbeatSeconds) {
        DtcClient c = new DtcClient(DtcClientConfig.builder().port(server.getLocalPort())
                .heartbeatIntervalSeconds(heartbeatSeconds).connectTimeout(Duration.ofSeconds(5)).build());
        c.connect();
        assertThat(c.isLoggedOn()).isTrue();
        return c;
    }

    private Socket acceptAndLogOn() {
        try {
            Socket s = server.accept();
            InputStream in = s.getInputStream();
            int size = in.read() | in.read() << 8;
            in.readNBytes(size - 2);
            s.getOutputStream().write(RawPeer.frame(DtcMessage.of("LOGON_RESPONSE").setEnum("Result", "LOGON_SUCCESS")
                    .set("TradingIsSupported", 1), DtcEncoding.BINARY_ENCODING));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket newServer() {
        try {
            return new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
