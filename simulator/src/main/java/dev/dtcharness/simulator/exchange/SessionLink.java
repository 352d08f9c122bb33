package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.simulator.script.Step;

/** What the exchange needs of a client session: a way to send it messages and to inflict faults on it. */
public interface SessionLink {
    int id();

    /** "session 3". */
    String label();

    boolean isLoggedOn();

    /** Writes a whole message, which the session may keep; safe from any thread, messages keep the order of the calls. */
    void send(DtcMessage message);

    /**
     * As {@link #send}, for a message the exchange writes again once this returns: the session may
     * read it during the call and keeps nothing but a {@link MessageView#copy()}.
     */
    default void sendBorrowed(MessageView message) {
        send(message.copy());
    }

    /** Applies a fault step (disconnect, reset, silence, logoff, garbage) to this session. */
    void fault(Step fault);
}
