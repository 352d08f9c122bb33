package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.EnumSet;
import java.util.Set;

/** Who may send a message. DTC names its messages by role, so the name tells (SC-PROC message lists). */
public enum Direction {
    CLIENT_TO_SERVER("clients"), SERVER_TO_CLIENT("servers");

    private final String senders;

    Direction(String senders) {
        this.senders = senders;
    }

    public String senders() {
        return senders;
    }

    /** The directions a message may travel in. */
    public static Set<Direction> of(MessageSpec m) {
        String n = m.name();
        if (n.equals("HEARTBEAT") || n.equals("LOGOFF") || n.equals("JOURNAL_ENTRY_ADD")) {
            return EnumSet.allOf(Direction.class);
        }
        boolean fromClient = n.endsWith("_REQUEST") || n.startsWith("SUBMIT_") || n.equals("CANCEL_ORDER")
                || n.equals("CANCEL_REPLACE_ORDER") || n.equals("ADD_CORRECTING_ORDER_FILL")
                || n.equals("ACCOUNT_BALANCE_ADJUSTMENT");
        return EnumSet.of(fromClient ? CLIENT_TO_SERVER : SERVER_TO_CLIENT);
    }
}
