package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who may send a message. DTC names its messages by role, so the name tells (SC-PROC message lists). */
public enum Direction {
    CLIENT_TO_SERVER("clients"), SERVER_TO_CLIENT("servers");

    private static final Map<String, Set<Direction>> BY_NAME = new ConcurrentHashMap<>();

    private final String senders;

    Direction(String senders) {
        this.senders = senders;
    }

    public String senders() {
        return senders;
    }

    /** The directions a message may travel in (an unmodifiable set). */
    public static Set<Direction> of(MessageSpec m) {
        // Asked for every inbound frame: the answer is worked out once per message name.
        return BY_NAME.computeIfAbsent(m.name(), Direction::decide);
    }

    private static Set<Direction> decide(String n) {
        if (n.equals("HEARTBEAT") || n.equals("LOGOFF") || n.equals("JOURNAL_ENTRY_ADD")) {
            return Collections.unmodifiableSet(EnumSet.allOf(Direction.class));
        }
        boolean fromClient = n.endsWith("_REQUEST") || n.startsWith("SUBMIT_") || n.equals("CANCEL_ORDER")
                || n.equals("CANCEL_REPLACE_ORDER") || n.equals("ADD_CORRECTING_ORDER_FILL")
                || n.equals("ACCOUNT_BALANCE_ADJUSTMENT");
        return Collections.unmodifiableSet(EnumSet.of(fromClient ? CLIENT_TO_SERVER : SERVER_TO_CLIENT));
    }
}
