package dev.dtcharness.soak.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dtcharness.soak.PhaseSample;
import dev.dtcharness.soak.SoakReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code <reports>/soak/<run-id>/}: {@code soak.json} (verdict, layers, every sample),
 * {@code index.html} and the PNG plots it shows.
 */
public final class ReportWriter {
    /** The JSON mapper of the report, also used by tests to read it back. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    private ReportWriter() {
    }

    /** {@code <reportsRoot>/soak/<runId>}. */
    public static Path dirFor(Path reportsRoot, String runId) {
        return reportsRoot.resolve("soak").resolve(runId);
    }

    /** Writes the report into {@link SoakReport#reportDir()} and returns it. */
    public static Path write(SoakReport report) {
        System.setProperty("java.awt.headless", "true");
        Path dir = report.reportDir();
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("soak.json").toFile(), report);
            Charts.heap(report, dir.resolve("heap.png"));
            Charts.runningSlope(report, dir.resolve("heap-slope.png"));
            Charts.directMemory(report, dir.resolve("direct-memory.png"));
            Charts.count(report, dir.resolve("threads.png"), "Live threads at quiescence", "threads",
                    PhaseSample::threads);
            Charts.count(report, dir.resolve("file-descriptors.png"), "Open file descriptors at quiescence",
                    "open files", PhaseSample::openFileDescriptors);
            Charts.count(report, dir.resolve("netty-buffers.png"), "Unreleased Netty buffers at quiescence",
                    "buffers", PhaseSample::unreleasedBuffers);
            Charts.latency(report, dir.resolve("latency.png"));
            Files.writeString(dir.resolve("index.html"), IndexPage.html(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the soak report to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
