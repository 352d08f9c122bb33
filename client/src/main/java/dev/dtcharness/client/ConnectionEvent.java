package dev.dtcharness.client;

import java.time.Instant;

/**
 * One change of the client's connection, for {@link ConnectionListener}s.
 *
 * @param address "host:port" the event is about (a LOGON_RECONNECT_NEW_ADDRESS changes it)
 * @param cause   why, in words, for DISCONNECTED and GAVE_UP; empty otherwise
 * @param attempt the reconnect attempt, 0 for the first connect
 */
public record ConnectionEvent(State state, String address, String cause, int attempt, Instant at) {

    /** Where the connection stands. */
    public enum State {
        CONNECTING, LOGGED_ON, DISCONNECTED, GAVE_UP
    }

    @Override
    public String toString() {
        return state + " " + address + (attempt > 0 ? " (attempt " + attempt + ")" : "") + (cause.isEmpty() ? "" : ": " + cause);
    }
}
