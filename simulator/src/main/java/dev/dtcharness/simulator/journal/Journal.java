package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every message in and out of every session, plus conformance findings, in a bounded ring: when
 * full, the oldest entries drop out. Thread-safe; {@link #verify()} reads it for assertions.
 */
public final class Journal {
    private final int capacity;
    private final Clock clock;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long seq;

    public Journal(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    public Journal(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    public void received(int sessionId, DtcMessage m) {
        add(sessionId, JournalEntry.Kind.RECEIVED, m, null);
    }

    public void sent(int sessionId, DtcMessage m) {
        add(sessionId, JournalEntry.Kind.SENT, m, null);
    }

    public void finding(int sessionId, String sentence) {
        add(sessionId, JournalEntry.Kind.FINDING, null, sentence);
    }

    private synchronized void add(int sessionId, JournalEntry.Kind kind, DtcMessage m, String text) {
        entries.addLast(new JournalEntry(++seq, clock.millis(), sessionId, kind, m, text));
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public List<JournalEntry> entries(Predicate<JournalEntry> wanted) {
        return entries().stream().filter(wanted).toList();
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<JournalEntry> tail(int n) {
        List<JournalEntry> all = new ArrayList<>(entries);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /** Conformance findings on inbound frames, as sentences. */
    public List<String> findings() {
        return entries(e -> e.kind() == JournalEntry.Kind.FINDING).stream().map(JournalEntry::text).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public int capacity() {
        return capacity;
    }

    /** Starts an assertion: {@code journal.verify().received("CANCEL_ORDER").with("ClientOrderID", "x").within(ofSeconds(2))}. */
    public Verification verify() {
        return new Verification(this);
    }
}
