package dev.dtcharness.protocol.conformance;

/**
 * One way a frame breaks DTC v8, structured for code and readable as a sentence, e.g.
 * {@code SUBMIT_NEW_SINGLE_ORDER.BuySell: "BUY" (expected: BuySellEnum integer, BUY = 1 or SELL = 2)}.
 *
 * @param message  the message's name and type as the frame declared it, e.g. "OPEN_ORDERS_REQUEST (300)"
 * @param field    the field concerned, or null for the message as a whole
 * @param expected what the spec expects
 * @param found    what the frame holds
 * @param hint     the likely intent when the mistake is a well-known one, or null
 */
public record Finding(Kind kind, String message, String field, String expected, String found, String hint) {

    /** What kind of break it is. */
    public enum Kind {
        MALFORMED, UNKNOWN_TYPE, UNKNOWN_FIELD, WRONG_JSON_TYPE, ENUM_OUT_OF_RANGE, STRING_TOO_LONG,
        SIZE_MISMATCH, WRONG_DIRECTION, BEFORE_LOGON, LIKELY_CONFUSION
    }

    /** The finding as one plain sentence. */
    public String sentence() {
        String where = field == null ? message : message + "." + field;
        String text = where + ": " + found + " (expected: " + expected + ")";
        return hint == null ? text : text + "; " + hint;
    }

    @Override
    public String toString() {
        return sentence();
    }
}
