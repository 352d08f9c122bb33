package dev.dtcharness.features.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/** Shared Awaitility policies; immutable, so sharing is safe. */
public final class Waits {
    /** Long enough for a loaded CI machine, short enough that a missing fill fails the scenario quickly. */
    public static final ConditionFactory SOON = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));

    private Waits() {
    }
}
