package dev.dtcharness.soak.stream;

/** How the soak wants an order to end; the {@link OrderPlacer} makes the client and simulator do it. */
public enum Outcome {
    /** Accepted and filled at once: the simulator's only behaviour today. */
    FILL,
    /** Refused by the server (NEW_ORDER_REJECTED). */
    REJECT,
    /** Accepted, left resting, then canceled by the client. */
    CANCEL,
    /** Filled in several parts before FILLED. */
    PARTIAL_THEN_FILL
}
