package dev.dtcharness.client.store;

import dev.dtcharness.protocol.files.OwnerOnlyFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.track.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The client's state (open orders, positions) as one JSON file, replaced atomically: written to a
 * temporary file beside it, forced to disk, then renamed over the old one, so a crash leaves either
 * the old state or the new one, never half of each.
 */
public final class StateFile {
    // Records only: isTerminal() and friends are derived, and a newer file may carry fields this one lacks.
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What the file holds; {@code version} lets a later format read an older one. */
    public record State(int version, long savedAtMillis, List<Order> openOrders, List<Position> positions) {
    }

    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void write(List<Order> openOrders, List<Position> positions) {
        State state = new State(1, System.currentTimeMillis(), openOrders, positions);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = JSON.writeValueAsBytes(state);
            // Created 600: the rename carries the mode over to the state file.
            try (FileChannel ch = OwnerOnlyFiles.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new DtcClientException("cannot save the client state to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The saved state, or an empty one when there is no file yet. */
    public synchronized State read() {
        if (!Files.exists(file)) {
            return new State(1, 0, List.of(), List.of());
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new DtcClientException("cannot read the client state from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rename is only durable once the directory entry is on disk too (Linux; elsewhere a no-op). */
    private void syncDirectory() {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Some platforms cannot open a directory; the file itself is already forced.
        }
    }
}
