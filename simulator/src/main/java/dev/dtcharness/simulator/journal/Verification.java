package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * An assertion on the journal that waits: the named message with these field values must be
 * received (or sent) within a time. When it is not, the error lists the near misses (same message
 * with other values) field by field, or what did arrive, so the reader sees what went wrong.
 */
public final class Verification {
    private final Journal journal;
    private JournalEntry.Kind kind = JournalEntry.Kind.RECEIVED;
    private String messageName;
    private Integer sessionId;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Verification(Journal journal) {
        this.journal = journal;
    }

    /** A message the simulator received from a client. */
    public Verification received(String name) {
        kind = JournalEntry.Kind.RECEIVED;
        messageName = name;
        DtcMessage.of(name);
        return this;
    }

    /** A message the simulator sent to a client. */
    public Verification sent(String name) {
        kind = JournalEntry.Kind.SENT;
        messageName = name;
        DtcMessage.of(name);
        return this;
    }

    /** A field value: text for strings, a number, or an enum constant's name for enum fields. */
    public Verification with(String field, Object value) {
        DtcMessage.of(messageName).spec().field(field);
        fields.put(field, value);
        return this;
    }

    public Verification inSession(int id) {
        sessionId = id;
        return this;
    }

    /** Returns the first matching entry; throws an AssertionError with the near misses after {@code timeout}. */
    public JournalEntry within(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JournalEntry e : candidates()) {
                if (mismatches(e.message()).isEmpty()) {
                    return e;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(failure(timeout));
            }
            // A verifier polls like Awaitility does; this is library code, not a test's sleep.
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** Checks now, without waiting. */
    public JournalEntry now() {
        return within(Duration.ZERO);
    }

    private List<JournalEntry> candidates() {
        return journal.entries(e -> e.kind() == kind && e.message() != null && e.message().is(messageName)
                && (sessionId == null || e.sessionId() == sessionId));
    }

    private List<String> mismatches(DtcMessage m) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object actual = valueOf(m, f.getKey(), f.getValue());
            if (!matches(actual, f.getValue())) {
                out.add(f.getKey() + " was " + render(actual) + ", expected " + render(f.getValue()));
            }
        }
        return out;
    }

    private static Object valueOf(DtcMessage m, String field, Object expected) {
        if (expected instanceof String && m.spec().field(field).enumSpec() != null) {
            return m.enumName(field);
        }
        return m.get(field);
    }

    private static boolean matches(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(String.valueOf(actual), String.valueOf(expected));
    }

    private static String render(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private String failure(Duration timeout) {
        StringBuilder sb = new StringBuilder("expected the simulator to have ")
                .append(kind == JournalEntry.Kind.RECEIVED ? "received " : "sent ").append(messageName);
        if (!fields.isEmpty()) {
            sb.append(" with ").append(fields);
        }
        if (sessionId != null) {
            sb.append(" in session ").append(sessionId);
        }
        sb.append(" within ").append(timeout.toMillis()).append(" ms, but ");
        List<JournalEntry> near = candidates();
        if (near.isEmpty()) {
            sb.append("no ").append(messageName).append(" was ").append(kind == JournalEntry.Kind.RECEIVED
                    ? "received" : "sent").append(". Last journal entries:");
            journal.tail(20).forEach(e -> sb.append("\n  ").append(e.line()));
        } else {
            sb.append("none matched. Near misses:");
            near.stream().skip(Math.max(0, near.size() - 10))
                    .forEach(e -> sb.append("\n  ").append(e.line()).append("\n    ")
                            .append(String.join("; ", mismatches(e.message()))));
        }
        List<String> findings = journal.findings();
        if (!findings.isEmpty()) {
            sb.append("\nConformance findings:");
            findings.stream().skip(Math.max(0, findings.size() - 10)).forEach(f -> sb.append("\n  ").append(f));
        }
        return sb.toString();
    }
}
