package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcMessage;

/**
 * Receives inbound DTC messages of the names it was registered for; runs on the client's event loop
 * thread. Each message is the listener's to keep: for the types the client decodes into a reused
 * message (ORDER_UPDATE, POSITION_UPDATE) its app listeners get a copy, made once per message.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(DtcMessage message);
}
