package dev.dtcharness.client.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The client's state file and order history hold its orders and fills: files are 600 and the
 * directories this code creates are 700, where the file system has POSIX permissions; elsewhere
 * they get the platform's defaults. A directory that already exists keeps its mode. (The
 * simulator's state directory has its own copy of these few lines: the modules share no file code.)
 */
final class OwnerOnly {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Creates the parent of {@code file} and any missing ancestor, each 700. */
    static void createParent(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Opens {@code file}, created 600 in the same step, and tightened to 600 when it was wider. */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        if (!posix(file)) {
            return FileChannel.open(file, options);
        }
        FileChannel channel = FileChannel.open(file, Set.of(options), PosixFilePermissions.asFileAttribute(FILE));
        tighten(file);
        return channel;
    }

    /**
     * Makes {@code file} exist as an owner-only file before a library (SQLite) opens it: SQLite gives
     * its -wal and -shm files the database file's mode. Files beside it that are wider are tightened.
     */
    static void prepare(Path file, String... companions) throws IOException {
        open(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE).close();
        if (posix(file)) {
            for (String suffix : companions) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    tighten(companion);
                }
            }
        }
    }

    private static void tighten(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix(Path file) throws IOException {
        return Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
