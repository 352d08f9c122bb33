package dev.dtcharness.simulator.admin;

import static dev.dtcharness.simulator.admin.AdminHandler.params;

import dev.dtcharness.protocol.message.Logoff;
import dev.dtcharness.simulator.fault.SimulatorFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The admin API's {@code POST /faults/{kind}} routes: each names its parameters and hands the fault to {@link SimulatorFaults}. */
final class AdminFaultRoutes {
    /** Garbage is for tests of a decoder, not for filling a client's memory. */
    private static final int MAX_GARBAGE_BYTES = 65_536;
    private static final int MAX_SLICE_BYTES = 65_536;
    private static final int REASON = Logoff.REASON.maxStringLength();

    private final SimulatorFaults faults;

    AdminFaultRoutes(SimulatorFaults faults) {
        this.faults = faults;
    }

    /** {@code POST /faults/{kind}}: the fault, and the session it struck (0 or absent: every session). */
    Object route(String kind, Map<String, List<String>> query, String body) {
        String route = "POST /faults/" + kind;
        int session = 0;
        switch (kind) {
            case "disconnect", "reset" -> {
                session = session(params(route, query, body, "session"));
                faults.disconnect(session, kind.equals("reset"));
            }
            case "silence" -> {
                AdminParams p = params(route, query, body, "session", "millis");
                session = session(p);
                faults.silence(session, p.has("millis") ? Duration.ofMillis(millis(p, 0)) : null);
            }
            case "logoff" -> {
                AdminParams p = params(route, query, body, "session", "reason");
                session = session(p);
                faults.logoff(session, p.text("reason", "logged off by the simulator", REASON));
            }
            case "garbage" -> {
                AdminParams p = params(route, query, body, "session", "bytes");
                session = session(p);
                faults.sendGarbage(session, p.integer("bytes", 16, 1, MAX_GARBAGE_BYTES));
            }
            case "delay" -> {
                AdminParams p = params(route, query, body, "session", "n", "millis");
                session = session(p);
                faults.delayNthMessage(session, count(p), Duration.ofMillis(millis(p, 1000)));
            }
            case "duplicate" -> {
                AdminParams p = params(route, query, body, "session", "n");
                session = session(p);
                faults.duplicateOrderUpdates(session, count(p));
            }
            case "reorder" -> {
                AdminParams p = params(route, query, body, "session", "n");
                session = session(p);
                faults.reorderOrderUpdates(session, count(p));
            }
            case "refuse" -> faults.refuseConnectionsFor(Duration.ofMillis(millis(params(route, query, body, "millis"), 5000)));
            case "slice" -> faults.sliceFrames(params(route, query, body, "bytes").integer("bytes", 1, 0, MAX_SLICE_BYTES));
            case "clear" -> {
                params(route, query, body);
                faults.clear();
            }
            default -> throw new AdminNotFound("no fault '" + AdminGuard.printable(kind) + "' (expected: disconnect, reset,"
                    + " silence, logoff, garbage, delay, duplicate, reorder, refuse, slice, clear)");
        }
        return Map.of("fault", kind, "session", session == 0 ? "all" : session);
    }

    /** 0, the default, is every session. */
    private static int session(AdminParams p) {
        return p.integer("session", 0, 0, Integer.MAX_VALUE);
    }

    private static int count(AdminParams p) {
        return p.integer("n", 1, 1, Integer.MAX_VALUE);
    }

    private static int millis(AdminParams p, int fallback) {
        return p.integer("millis", fallback, 0, Integer.MAX_VALUE);
    }
}
