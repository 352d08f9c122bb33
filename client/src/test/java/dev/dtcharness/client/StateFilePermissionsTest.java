package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtcharness.client.store.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's state file and order-history database hold its orders and fills: readable by their
 * owner only (600, SQLite's -wal and -shm files too), in directories the client creates 700.
 */
class StateFilePermissionsTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "this file system has no POSIX permissions");
    }

    @Test
    void shouldWriteItsStateAndHistoryForItsOwnerOnly() throws Exception {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 100, "E1"));
            }
        });
        Path stateDir = dir.resolve("fresh").resolve("state");
        Path historyDir = dir.resolve("other").resolve("history");
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).reconnect(ReconnectPolicy.NEVER)
                .reconcileOnConnect(false).stateFile(stateDir.resolve("state.json"))
                .historyDatabase(historyDir.resolve("history.db")).build());
        client.connect();
        client.submit(OrderRequest.market("ES", Side.BUY, 1)).awaitStatus("FILLED", WAIT);
        await().atMost(WAIT).until(() -> client.historyDatabase().fills().size() == 1
                && Files.exists(stateDir.resolve("state.json")));

        for (Path created : List.of(dir.resolve("fresh"), stateDir, dir.resolve("other"), historyDir)) {
            assertThat(mode(created)).as(created.toString()).isEqualTo("rwx------");
        }
        try (Stream<Path> state = Files.list(stateDir); Stream<Path> history = Files.list(historyDir)) {
            List<Path> files = Stream.concat(state, history).toList();
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("state.json", "history.db", "history.db-wal", "history.db-shm");
            assertThat(files).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void shouldTightenAStateFileAnOlderVersionLeftReadableByOthers() throws Exception {
        Path file = dir.resolve("state.json");
        StateFile state = new StateFile(file);
        state.write(List.of(), List.of());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

        state.write(List.of(), List.of());

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir)).as("a directory it did not create keeps its mode").isEqualTo("rwxr-x---");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
