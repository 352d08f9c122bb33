package dev.dtcharness.simulator.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the jar's admin token comes from: a file or the environment, which other local users cannot
 * read, or (warned against) the command line, which they can.
 */
final class AdminToken {
    static final String ENVIRONMENT = "DTC_ADMIN_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private AdminToken() {
    }

    /**
     * The token from {@code file} (its first line), else {@code option}, else {@code environment};
     * null when none is given. A file that cannot be read or holds no token is refused.
     */
    static String choose(Path file, String option, String environment) {
        if (file != null) {
            return fromFile(file);
        }
        if (option != null) {
            LOG.warn("--admin-token is visible to every local user (ps, /proc): prefer --admin-token-file PATH or {}",
                    ENVIRONMENT);
            return nonBlank(option, "--admin-token");
        }
        if (environment != null) {
            return nonBlank(environment, ENVIRONMENT);
        }
        return null;
    }

    private static String fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--admin-token-file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            if (Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains)) {
                LOG.warn("--admin-token-file {} is readable by other users (chmod 600 {})", file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to say about who can read it.
        }
        String firstLine = text.lines().findFirst().orElse("");
        return nonBlank(firstLine.strip(), "--admin-token-file " + file);
    }

    private static String nonBlank(String token, String source) {
        if (token.isBlank()) {
            throw new IllegalArgumentException(source + " holds no token (expected: a secret, on one line)");
        }
        return token;
    }
}
