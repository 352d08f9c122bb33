package dev.dtcharness.simulator.session;

/**
 * A peer that speaks something other than DTC (or WebSocket) on the DTC port, found by a handler of ours:
 * the peer's mistake, told in one line by {@link SessionFailures}, with no stack trace to print.
 */
final class TransportOddity extends RuntimeException {
    TransportOddity(String message) {
        super(message, null, false, false);
    }
}
