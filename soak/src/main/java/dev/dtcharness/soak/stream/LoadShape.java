package dev.dtcharness.soak.stream;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * An open-model arrival process: orders arrive as a Poisson stream whose rate climbs linearly from
 * 10 % to {@code ratePerSecond} over {@code ramp}, then holds (the plateau). Arrivals do not wait
 * for earlier orders to finish; only {@code maxInFlight} bounds them.
 */
public record LoadShape(double ratePerSecond, Duration ramp, int maxInFlight) {

    public LoadShape {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("ramp must not be negative, was " + ramp);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /** The target rate {@code elapsedNanos} into the run (stream time: pauses between phases excluded). */
    public double rateAt(long elapsedNanos) {
        long rampNanos = ramp.toNanos();
        if (rampNanos == 0 || elapsedNanos >= rampNanos) {
            return ratePerSecond;
        }
        return ratePerSecond * (0.1 + 0.9 * elapsedNanos / (double) rampNanos);
    }

    /** Nanoseconds to the next arrival: exponentially distributed with the current rate's mean. */
    public long nextGapNanos(long elapsedNanos, SplittableRandom random) {
        double u = 1.0 - random.nextDouble();   // (0, 1]: log never sees 0
        return (long) (-Math.log(u) / rateAt(elapsedNanos) * 1e9);
    }
}
