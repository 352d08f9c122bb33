package dev.dtcharness.simulator.persist;

import dev.dtcharness.protocol.files.OwnerOnlyFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dtcharness.simulator.exchange.ExchangeStore;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.Position;
import dev.dtcharness.simulator.exchange.StoreEvents;
import dev.dtcharness.simulator.exchange.StoredOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's events as JSON lines appended to {@code exchange.jsonl} in the state directory,
 * each in one write before the engine sends what it tells. A write reaches the operating system
 * before the method returns, so it survives kill -9 of the simulator (not a power cut: no fsync).
 * Whatever is in the file, a start carries on from it: a last line cut by a crash (no newline) is
 * cut off with a WARN naming the file, its line and byte offset; any other line replay cannot use
 * is skipped with one such WARN and left in place, and the lines after it apply (see
 * {@link StoreLineReader}). A fill is replayed once per execution id, however often it was written.
 * Once the events since the last snapshot pass a bound, a snapshot of the whole state is written
 * beside the file, forced to disk and renamed over it, so the file stays near the size of the state.
 * The files are the owner's only ({@link OwnerOnlyFiles}).
 */
public final class JsonLinesExchangeStore implements ExchangeStore {
    public static final String FILE_NAME = "exchange.jsonl";
    public static final int DEFAULT_COMPACT_AFTER = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesExchangeStore.class);
    // Strict: a line with anything after its event is two writes run together, not one event.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Path directory;
    private final Path file;
    private final int compactAfter;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private List<StoreLineReader.Numbered> kept;
    private long eventsSinceSnapshot;
    private long snapshotEvents;

    /** Opens (or creates) the store in {@code directory}; one simulator at a time per directory. */
    public JsonLinesExchangeStore(Path directory) {
        this(directory, DEFAULT_COMPACT_AFTER);
    }

    /**
     * As above, compacting once more than {@code compactAfter} events (and twice the last snapshot's)
     * have been written since the last snapshot.
     */
    public JsonLinesExchangeStore(Path directory, int compactAfter) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.compactAfter = compactAfter;
        try {
            OwnerOnlyFiles.createDirectories(directory);
            // A lock file of its own: compaction replaces the state file, and the lock must outlive that.
            lockChannel = OwnerOnlyFiles.open(directory.resolve("exchange.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockOrNull(lockChannel);
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException(file + " is in use by another simulator (expected: one per state directory)");
            }
            channel = OwnerOnlyFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            kept = read();
            eventsSinceSnapshot = kept.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator state " + file, e);
        }
    }

    private static FileLock lockOrNull(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by another simulator in this same JVM.
            return null;
        }
    }

    private List<StoreLineReader.Numbered> read() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        StoreLineReader.Read read = StoreLineReader.read(file, bytes, JSON);
        if (read.tornAt() >= 0) {
            LOG.warn("{}: the last event, line {} from byte {} on ({} bytes, no end of line), was cut short by a crash"
                    + " and is ignored", file, read.tornLine(), read.tornAt(), bytes.length - read.tornAt());
            // Cut off, so the next event starts a line of its own.
            channel.truncate(read.tornAt());
        }
        channel.position(channel.size());
        if (!read.lines().isEmpty()) {
            LOG.info("{}: carrying on from {} events ({} bytes)", file, read.lines().size(), channel.size());
        }
        return read.lines();
    }

    /**
     * Tells {@code into} each usable line once. A fill whose execution id was replayed already is
     * skipped (its position and history effect happened once); a line the engine refuses is skipped
     * with a WARN, and since {@link StoreLine#problem()} and the engine check before they change
     * anything, nothing of it applies.
     */
    @Override
    public void replay(StoreEvents into) {
        Set<String> executions = new HashSet<>();
        for (StoreLineReader.Numbered n : kept) {
            StoreLine line = n.line();
            String execution = line.executionId();
            if (execution != null && !executions.add(execution)) {
                StoreLineReader.skipped(file, n.number(), n.offset(), "fill " + execution + " was replayed already");
                continue;
            }
            try {
                apply(line, into);
            } catch (RuntimeException e) {
                if (execution != null) {
                    executions.remove(execution);
                }
                StoreLineReader.skipped(file, n.number(), n.offset(), "the exchange refused it ("
                        + (e.getMessage() != null ? e.getMessage() : e.toString()) + ")");
            }
        }
        kept = List.of();
    }

    private static void apply(StoreLine line, StoreEvents into) {
        switch (line.event()) {
            case StoreLine.CLIENT_ORDER_ID -> into.clientOrderIdUsed(line.clientOrderId());
            case StoreLine.ORDER -> into.orderChanged(line.order());
            case StoreLine.FILL -> into.filled(line.fill(), line.order());
            case StoreLine.RESET -> into.reset(line.serverOrderIds(), line.executionIds());
            case StoreLine.FILL_KEPT -> into.fillKept(line.fill());
            case StoreLine.ACCOUNT -> into.accountState(line.account(), line.realisedPnl(), line.positions());
            default -> throw new IllegalStateException("unknown event " + line.event());
        }
    }

    /** Every fill kept, oldest first: what a test compares with a client's record. */
    public List<Fill> fills() {
        List<Fill> fills = new ArrayList<>();
        Set<String> executions = new HashSet<>();
        kept.forEach(n -> {
            StoreLine l = n.line();
            if (l.executionId() != null && executions.add(l.executionId())) {
                fills.add(l.fill());
            } else if (l.event().equals(StoreLine.RESET)) {
                fills.clear();
            }
        });
        return fills;
    }

    @Override
    public void clientOrderIdUsed(String clientOrderId) {
        append(new StoreLine(StoreLine.CLIENT_ORDER_ID, clientOrderId, null, null, null, null, null, null, null));
    }

    @Override
    public void orderChanged(StoredOrder order) {
        append(new StoreLine(StoreLine.ORDER, null, order, null, null, null, null, null, null));
    }

    @Override
    public void filled(Fill fill, StoredOrder order) {
        append(new StoreLine(StoreLine.FILL, null, order, fill, null, null, null, null, null));
    }

    @Override
    public void fillKept(Fill fill) {
        append(new StoreLine(StoreLine.FILL_KEPT, null, null, fill, null, null, null, null, null));
    }

    @Override
    public void accountState(String account, double realisedPnl, Map<String, Position> positions) {
        append(new StoreLine(StoreLine.ACCOUNT, null, null, null, null, null, account, realisedPnl, positions));
    }

    @Override
    public void reset(long serverOrderIds, long executionIds) {
        append(new StoreLine(StoreLine.RESET, null, null, null, serverOrderIds, executionIds, null, null, null));
    }

    private void append(StoreLine line) {
        try {
            byte[] json = JSON.writeValueAsBytes(line);
            ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            eventsSinceSnapshot++;
        } catch (IOException e) {
            // Thrown, so the update this event belongs to is not sent: the client never hears what is not kept.
            throw new UncheckedIOException("cannot write the simulator state " + file, e);
        }
    }

    @Override
    public boolean compactionDue() {
        return eventsSinceSnapshot > Math.max(compactAfter, 2 * snapshotEvents);
    }

    /** Writes the snapshot beside the file, forces it to disk, then renames it over the file in one step. */
    @Override
    public void compact(Consumer<StoreEvents> writeState) {
        Path next = directory.resolve(FILE_NAME + ".next");
        FileChannel old = channel;
        long before = eventsSinceSnapshot;
        try {
            channel = OwnerOnlyFiles.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            eventsSinceSnapshot = 0;
            writeState.accept(this);
            channel.force(true);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
            old.close();
            snapshotEvents = eventsSinceSnapshot;
            LOG.info("{}: compacted {} events into a snapshot of {}", file, before, snapshotEvents);
        } catch (IOException | RuntimeException e) {
            // The old file is whole and still the one in place: carry on appending to it.
            closeQuietly(channel);
            channel = old;
            eventsSinceSnapshot = before;
            snapshotEvents = before;
            LOG.warn("{}: compaction failed, the events stay as they were: {}", file, e.toString());
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Already failing; the caller reports the first problem.
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
            if (lockChannel.isOpen()) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("{}: close failed: {}", file, e.toString());
        }
    }
}
