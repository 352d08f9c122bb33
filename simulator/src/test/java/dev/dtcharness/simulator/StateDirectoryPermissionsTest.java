package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.OrderEngineAcceptanceTest.marketOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.persist.JsonLinesExchangeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory holds every order and fill a client sent: its files are readable by their
 * owner only (600) and the directories the simulator creates are the owner's only (700).
 */
class StateDirectoryPermissionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "this file system has no POSIX permissions");
    }

    @Test
    void shouldCreateItsDirectories700AndItsFiles600ThroughACompaction() throws Exception {
        Path parent = dir.resolve("fresh");
        Path state = parent.resolve("state");
        // Compacting after 3 events: the snapshot is a new file renamed over the old one.
        try (DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().stateDirectory(state)
                .stateCompactAfterEvents(3).build());
             WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            for (int i = 0; i < 3; i++) {
                client.send(marketOrder("PERM-" + i, "BUY", 1));
                String id = "PERM-" + i;
                client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals(id)
                        && m.getInt("OrderStatus") == 7);
            }
            assertThat(Files.readAllLines(state.resolve(JsonLinesExchangeStore.FILE_NAME)).get(0))
                    .as("compacted").contains("\"event\":\"reset\"");
            assertThat(mode(parent)).isEqualTo("rwx------");
            assertThat(mode(state)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(state)) {
                assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void shouldTightenFilesAnOlderVersionLeftReadableByOthersAndLeaveTheOperatorsDirectoryAlone() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        for (String name : new String[] {JsonLinesExchangeStore.FILE_NAME, "exchange.lock"}) {
            Path f = Files.createFile(dir.resolve(name));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().stateDirectory(dir).build())) {
            assertThat(mode(dir.resolve(JsonLinesExchangeStore.FILE_NAME))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("exchange.lock"))).isEqualTo("rw-------");
            assertThat(mode(dir)).as("a directory it did not create").isEqualTo("rwxr-x---");
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
