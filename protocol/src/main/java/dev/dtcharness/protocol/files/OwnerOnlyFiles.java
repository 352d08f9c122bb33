package dev.dtcharness.protocol.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files for their owner's eyes only: the client's state file and order history and the simulator's
 * state directory hold every order and fill. Files are 600 and the directories this code creates are
 * 700, where the file system has POSIX permissions; elsewhere they get the platform's defaults. A
 * directory that already exists keeps its mode (it may be the operator's own). Here, not in each
 * module, because the client and the simulator share nothing but the protocol module.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} and any missing parent, each 700 (the umask can only take bits away). */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /**
     * Opens {@code file} in an existing directory, created 600 in the same step (no moment in which
     * another user could open it), and tightened to 600 when an older version left it wider.
     */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
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
    public static void prepare(Path file, String... companions) throws IOException {
        open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
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
