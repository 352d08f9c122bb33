package dev.dtcharness.soak.stream;

import org.HdrHistogram.Histogram;

/** Submit-to-terminal latency of one phase in microseconds, from an HdrHistogram interval histogram. */
public record Latency(long count, double meanMicros, long p50Micros, long p99Micros, long p999Micros, long maxMicros) {

    public static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
