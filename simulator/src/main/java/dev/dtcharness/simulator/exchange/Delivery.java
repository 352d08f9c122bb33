package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears what the exchange says: the session that placed an order gets its updates while it is
 * connected, else every logged-on session does (FACTS.md 3.1 L); a session that asked for a change
 * of an order it does not own gets the answer too. Every message leaves through here, past the
 * {@link OutboundNumbers} guard, with one log line. An order's updates are written into messages the
 * exchange reuses and handed over borrowed ({@link MessageView}): a session that keeps one keeps a copy.
 * Touched only on the exchange thread.
 */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Map<Integer, SessionLink> sessions = new LinkedHashMap<>();

    void attach(SessionLink session) {
        sessions.put(session.id(), session);
    }

    void detach(SessionLink session) {
        sessions.remove(session.id());
    }

    /** The session that placed {@code o}, while it is attached, or null. */
    SessionLink owner(Order o) {
        return sessions.get(o.ownerSession);
    }

    /** A borrowed update about {@code o}, to its session while it is logged on, else to every logged-on session. */
    void deliver(Order o, MessageView m) {
        answer(o, m, null);
    }

    /**
     * As {@link #deliver}, and to {@code asker} (null: nobody) when that session asked for this change
     * of an order it does not own: whoever asks gets the answer, the owner its update.
     */
    void answer(Order o, MessageView m, SessionLink asker) {
        SessionLink owner = sessions.get(o.ownerSession);
        if (owner != null && owner.isLoggedOn()) {
            sendBorrowed(owner, m);
            if (asker != null && asker.id() != owner.id() && asker.isLoggedOn()) {
                sendBorrowed(asker, m);
            }
            return;
        }
        // A copy of the list: a send may close a channel, whose detach must not change the map mid-walk.
        for (SessionLink s : new ArrayList<>(sessions.values())) {
            if (s.isLoggedOn()) {
                sendBorrowed(s, m);
            }
        }
    }

    /** A message made for {@code to} alone, which it may keep. */
    void send(SessionLink to, DtcMessage m) {
        if (sendable(to, m)) {
            to.send(m);
        }
    }

    /** A message the caller writes again once this returns: {@code to} keeps a copy if anything. */
    void sendBorrowed(SessionLink to, MessageView m) {
        if (sendable(to, m)) {
            to.sendBorrowed(m);
        }
    }

    private static boolean sendable(SessionLink to, MessageView m) {
        if (!OutboundNumbers.finite(m, to)) {
            return false;
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{}: sent {}", to.label(), Summaries.of(m));
        }
        return true;
    }
}
