package dev.dtcharness.client;

/**
 * What a server did that DTC (or arithmetic) does not allow, as the client counts it: each one is
 * logged once, as a WARN or ERROR line naming the order and the fields, and counted by kind in
 * {@link ProblemCounter#violationCount(ProtocolViolation)}.
 */
public enum ProtocolViolation {
    /** NaN or an infinity where DTC carries a number (DBL_MAX, DTC's "not set", is not one of them): refused. */
    NON_FINITE_VALUE("a value no market has (NaN or infinite)"),
    /** A fill reported without any price (no LastFillPrice, no AverageFillPrice): not counted. */
    FILL_WITHOUT_PRICE("a fill without a price"),
    /** More filled than the order's quantity: counted, since the server says it happened. */
    OVERFILL("filled beyond the order's quantity"),
    /** One execution id reported again with another quantity, price, side, symbol or order: the first stays. */
    CONFLICTING_EXECUTION("one execution id, two different fills"),
    /** A field whose JSON value has the wrong type or range for it: the message cannot be read and is skipped. */
    UNREADABLE_FIELD("a field the client cannot read");

    private final String words;

    ProtocolViolation(String words) {
        this.words = words;
    }

    /** The violation in plain words, as the log line says it. */
    public String words() {
        return words;
    }
}
