package dev.dtcharness.simulator.admin;

/** An unknown admin path, action or fault: answered 404 with the sentence. */
final class AdminNotFound extends RuntimeException {
    AdminNotFound(String message) {
        super(message);
    }
}
