package dev.dtcharness.soak;

import dev.dtcharness.soak.verdict.LayerResult;
import dev.dtcharness.soak.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one soak: the verdict, each evidence layer's result, every phase sample and the
 * classes that grew, plus where the report was written ({@code reports/soak/<run-id>/}).
 *
 * @param bytesPerOrder     Sen's slope of post-GC heap against orders (NaN with fewer than 2 samples)
 * @param bytesPerOrderLow  lower end of its 90 % interval
 * @param bytesPerOrderHigh upper end of its 90 % interval
 */
public record SoakReport(String runId, Verdict verdict, SoakSettings settings, List<LayerResult> layers,
                         double bytesPerOrder, double bytesPerOrderLow, double bytesPerOrderHigh,
                         double heapInterceptBytes, List<Double> runningSlopes, List<PhaseSample> samples,
                         List<ClassGrowth> growingClasses, List<String> unexpectedLogLines,
                         List<String> bufferLeakReports, Path reportDir) {

    /** The layer with this name ("functional", "logs", "netty-buffers", "threads", "file-descriptors", "direct-memory", "heap"). */
    public LayerResult layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + name + " in " + layers));
    }

    /** Orders completed after the baseline. */
    public long orders() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).ordersTotal();
    }

    /** One line for logs and step definitions: "FAIL: heap: post-GC heap grows ...". */
    public String headline() {
        StringBuilder b = new StringBuilder(verdict.name()).append(" after ").append(orders()).append(" orders");
        layers.stream().filter(l -> l.verdict() != Verdict.PASS)
                .forEach(l -> b.append("; ").append(l.layer()).append(' ').append(l.verdict()).append(": ").append(l.summary()));
        return b.toString();
    }
}
