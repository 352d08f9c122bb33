package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtcharness.protocol.DtcEncoding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Running out of file descriptors for real: the jar started with {@code ulimit -n 120}, and more connections
 * than that opened to its DTC port and then to its admin port, so that accept(2) fails with EMFILE. Each port
 * says so in one WARN line, without a stack trace, and serves again once the connections are gone.
 */
class OutOfFileDescriptorsIT {
    private static final int LIMIT = 120;
    private static final int CONNECTIONS = 250;

    @Test
    void shouldSayOnceThatItCannotAcceptAndServeAgainAfterwards() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash to lower the limit");
        try (SimulatorJar jar = SimulatorJar.withOpenFileLimit(LIMIT, "--admin-port", "0")) {
            // The admin line comes just after the ready one.
            URI admin = URI.create(await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(jar::adminBase, a -> true));
            storm(jar, jar.port());
            storm(jar, admin.getPort());

            // Accepting pauses a second after each failure, and the closed connections in the backlog go first.
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
                try (WireClient client = new WireClient(jar.port(), DtcEncoding.BINARY_ENCODING)) {
                    client.logOn();
                    return true;
                }
            });
            HttpResponse<String> sessions = await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(admin.resolve("/sessions"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()),
                            r -> r.statusCode() == 200);
            assertThat(sessions.body()).startsWith("[");

            List<String> output = List.copyOf(jar.output());
            assertThat(output).filteredOn(l -> l.contains("Too many open files")).as("one line per port")
                    .hasSize(2).allMatch(l -> l.contains(" WARN "))
                    .anyMatch(l -> l.contains("DTC simulator on port " + jar.port()))
                    .anyMatch(l -> l.contains("admin API on port " + admin.getPort()));
            assertThat(output).noneMatch(l -> l.contains(" ERROR ")).noneMatch(l -> l.startsWith("\tat "));
        }
    }

    /** Opens more connections than the jar may hold until it has said it cannot accept, then closes them. */
    private static void storm(SimulatorJar jar, int port) throws IOException {
        long before = emfileLines(jar);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                sockets.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> emfileLines(jar) > before);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static long emfileLines(SimulatorJar jar) {
        return jar.output().stream().filter(l -> l.contains("Too many open files")).count();
    }
}
