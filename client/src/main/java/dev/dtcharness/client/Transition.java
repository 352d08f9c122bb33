package dev.dtcharness.client;

import dev.dtcharness.client.internal.order.StatusNames;


/**
 * One ORDER_UPDATE's effect on an order's status, as the state machine judged it. Kept
 * for every update, so an order's history shows the invalid and stale ones too.
 */
public record Transition(int from, int to, int reason, Verdict verdict) {

    /** How an incoming OrderStatus was treated. */
    public enum Verdict {
        /** A step DTC's order flow allows; applied. */
        ACCEPTED,
        /** The same status again (or none); fields applied. */
        UNCHANGED,
        /** Status kept, fields applied: a cancel/replace reject, or a working order stepping back. */
        HELD,
        /** The order had already ended: the update is old news and changes nothing but a new fill. */
        STALE,
        /** Outside DTC's flow; applied all the same (the server is the truth) and logged as a warning. */
        INVALID
    }

    public boolean isProblem() {
        return verdict == Verdict.INVALID || verdict == Verdict.STALE;
    }

    @Override
    public String toString() {
        return StatusNames.shortName(from) + " -> " + StatusNames.shortName(to) + " ("
                + StatusNames.reasonName(reason) + "): " + verdict;
    }
}
