package dev.dtcharness.client;

import java.time.Duration;
import java.util.Random;

/**
 * When a logged-on session is lost, how to try again: exponential backoff from {@code initialDelay},
 * times {@code multiplier} per attempt, capped at {@code maxDelay}, each delay moved by up to
 * ±{@code jitter} (a fraction) so many clients do not come back in step; {@code maxAttempts} in a
 * row fail and the client gives up (0 = never). LOGON_ERROR_NO_RECONNECT and a LOGOFF with
 * DoNotReconnect stop it at once (FACTS 2.1, 2.5).
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier,
                              double jitter, int maxAttempts) {

    /** 250 ms, doubling, capped at 30 s, ±20 %, 20 attempts. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(true, Duration.ofMillis(250), Duration.ofSeconds(30),
            2, 0.2, 20);
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, 1, 0, 0);

    public ReconnectPolicy {
        if (enabled && (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0)) {
            throw new IllegalArgumentException("reconnect delays must be 0 <= initial <= max, were " + initialDelay
                    + " and " + maxDelay);
        }
        if (multiplier < 1 || jitter < 0 || jitter >= 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("reconnect needs multiplier >= 1, 0 <= jitter < 1, maxAttempts >= 0");
        }
    }

    public static ReconnectPolicy backoff(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        return new ReconnectPolicy(true, initialDelay, maxDelay, 2, 0.2, maxAttempts);
    }

    public ReconnectPolicy withJitter(double fraction) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, fraction, maxAttempts);
    }

    /** The wait before attempt {@code attempt} (1 = the first retry), never above maxDelay. */
    public Duration delayBefore(int attempt, Random random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * random.nextDouble());
        return Duration.ofMillis((long) Math.min(jittered, maxDelay.toMillis()));
    }

    /** True once {@code failedAttempts} in a row used up the allowance. */
    public boolean exhausted(int failedAttempts) {
        return !enabled || (maxAttempts > 0 && failedAttempts >= maxAttempts);
    }
}
