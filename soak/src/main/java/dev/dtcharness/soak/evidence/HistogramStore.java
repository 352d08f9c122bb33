package dev.dtcharness.soak.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps each phase's GC.class_histogram on disk ({@code histograms/phase-NN.txt.gz} in the report
 * directory), not in the heap: a few thousand class names per phase, held in memory, would be
 * measured as growth per phase by the very next sample.
 */
public final class HistogramStore {
    private final Path dir;
    private int count;

    public HistogramStore(Path reportDir) {
        this.dir = reportDir.resolve("histograms");
    }

    /** Takes the histogram of this JVM now and stores it as the next phase's. */
    public void takeAndStore() {
        store(HeapProbe.classHistogramText());
    }

    void store(String text) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name(count))))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the class histogram in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every stored histogram, parsed, in phase order. */
    public List<ClassHistogram> readAll() {
        List<ClassHistogram> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name(i))))) {
                all.add(ClassHistogram.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir.resolve(name(i)) + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    private static String name(int phase) {
        return String.format("phase-%02d.txt.gz", phase);
    }
}
