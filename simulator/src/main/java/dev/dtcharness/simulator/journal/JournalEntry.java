package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import java.time.Instant;

/**
 * One line of the journal: a message received or sent by a session, or a note about one (a
 * conformance finding on an inbound frame, a fault).
 *
 * @param seq       position in the journal, increasing for the simulator's life
 * @param epochMillis when: a long, because every message of every session makes an entry
 * @param message   the message, or null for a note
 * @param text      the note, or null for a message
 */
public record JournalEntry(long seq, long epochMillis, int sessionId, Kind kind, DtcMessage message, String text) {

    public enum Kind { RECEIVED, SENT, FINDING }

    public Instant at() {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** "12:00:01.250 session 2 <- SUBMIT_NEW_SINGLE_ORDER(208){...}", the way failure messages print it. */
    public String line() {
        String arrow = switch (kind) {
            case RECEIVED -> "->";
            case SENT -> "<-";
            case FINDING -> "!!";
        };
        return at() + " session " + sessionId + " " + arrow + " " + (message != null ? message : text);
    }
}
