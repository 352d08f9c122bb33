package dev.dtcharness.features.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small JVM (64 MiB heap, quick start, warnings only) running one main class from the test
 * classpath, its output in a file: the process a crash test kills with SIGKILL.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(Class<?> main, Path log, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dlogback.configurationFile=crash-victim-logback.xml",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                    log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + main.getSimpleName(), e);
        }
    }

    /** Waits for a line of output that starts with {@code prefix}; fails with the output when the process ends first. */
    void awaitLine(String prefix, Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(20))
                    .failFast("the process ended", () -> !process.isAlive())
                    .alias(prefix + " from " + log.getFileName())
                    .until(() -> output().lines().anyMatch(l -> l.startsWith(prefix)));
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + output(), e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
