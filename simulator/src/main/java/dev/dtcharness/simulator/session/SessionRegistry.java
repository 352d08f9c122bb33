package dev.dtcharness.simulator.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The connected sessions by id, for the fault and admin APIs; thread-safe. */
public final class SessionRegistry {
    private final Map<Integer, Session> sessions = new ConcurrentSkipListMap<>();

    void add(Session s) {
        sessions.put(s.id(), s);
    }

    void remove(Session s) {
        sessions.remove(s.id());
    }

    public Collection<Session> all() {
        return List.copyOf(sessions.values());
    }

    public Session get(int id) {
        return sessions.get(id);
    }
}
