package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.Subscription;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.ConnectionListener;
import dev.dtcharness.client.ConnectionEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection's latest state and the listeners told of each change; a listener that throws is counted and skipped. */
public final class ConnectionEvents {
    private static final Logger log = LoggerFactory.getLogger(ConnectionEvents.class);

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ProblemCounter problems;
    private volatile ConnectionEvent.State state = ConnectionEvent.State.DISCONNECTED;

    public ConnectionEvents(ProblemCounter problems) {
        this.problems = problems;
    }

    public Subscription add(ConnectionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public ConnectionEvent.State state() {
        return state;
    }

    public void emit(ConnectionEvent.State s, String address, String cause, int attempt) {
        state = s;
        ConnectionEvent e = new ConnectionEvent(s, address, cause == null ? "" : cause, attempt, Instant.now());
        for (ConnectionListener l : listeners) {
            try {
                l.onConnectionEvent(e);
            } catch (RuntimeException ex) {
                problems.error(log, "a connection listener failed on {}; the others still run", e, ex);
            }
        }
    }
}
