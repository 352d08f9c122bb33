package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcMessage;

/** Receives inbound DTC messages of the names it was registered for; runs on the client's event loop thread. */
@FunctionalInterface
public interface MessageListener {

    void onMessage(DtcMessage message);
}
