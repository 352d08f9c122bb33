package dev.dtcharness.soak.stream;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.OrderHandle;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a wanted {@link Outcome} into what the client sends (and, once the simulator is scriptable,
 * what the simulator is told to answer). The extension point for rejects, cancels and partial fills.
 */
public interface OrderPlacer {

    /** The outcomes this placer can produce with today's client and simulator. */
    Set<Outcome> supported();

    /** Submits one order with this ClientOrderID, meant to end as {@code outcome}; never blocks on the network. */
    OrderHandle place(DtcClient client, Outcome outcome, String clientOrderId, SplittableRandom random);
}
