package dev.dtcharness.client;

/** Hears connection changes (connecting, logged on, disconnected with cause, gave up); must not block. */
@FunctionalInterface
public interface ConnectionListener {

    void onConnectionEvent(ConnectionEvent event);
}
