package dev.dtcharness.simulator;

/**
 * How the simulator acknowledges a new order before filling it: DTC allows either shape
 * (FACTS.md 3.2, scenario A) and Sierra Chart's own choice is not published, so clients should
 * be tested against both.
 */
public enum AcceptVariant {
    /** {@code PENDING_OPEN / NEW_ORDER_ACCEPTED}, then {@code OPEN / GENERAL_ORDER_UPDATE}. */
    PENDING_OPEN_THEN_OPEN,
    /** {@code OPEN / NEW_ORDER_ACCEPTED} straight away. */
    OPEN
}
