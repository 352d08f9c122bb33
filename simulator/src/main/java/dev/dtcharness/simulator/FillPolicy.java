package dev.dtcharness.simulator;

/** What the simulator does with an accepted order when no scenario rule says otherwise. */
public enum FillPolicy {
    /** Every order fills completely right after it is accepted (FACTS.md 3.2 scenarios A then C). */
    FILL_AT_ONCE,
    /**
     * Market orders fill at once; limit, stop and other priced orders rest OPEN until filled through
     * the API, canceled or replaced, so cancel and cancel/replace flows can be tested.
     */
    REST_LIMIT_ORDERS
}
