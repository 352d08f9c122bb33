package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.KeptCopy;
import dev.dtcharness.protocol.MessageView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every message in and out of every session, plus conformance findings, in a bounded ring: when
 * full, the oldest entries drop out. Thread-safe; {@link #verify()} reads it for assertions. Secrets
 * (a LOGON_REQUEST's Password) are masked as {@link DtcMessage#MASK}: the journal is read by tests,
 * their failure messages and the admin API, never a place for a password.
 */
public final class Journal {
    /** Slots made at first, before the ring grows towards its capacity: a large capacity costs nothing unused. */
    private static final int FIRST_SLOTS = 1024;

    private final int capacity;
    private final Clock clock;
    // The ring, one slot per entry in parallel arrays that are written over as it turns: a record per
    // entry was an object per message in and out (an eighth of what a simulator allocated per order).
    private long[] seqs;
    private long[] times;
    private int[] sessions;
    private JournalEntry.Kind[] kinds;
    private DtcMessage[] messages;
    /**
     * Whether the slot's message is the journal's own copy. A sent message is copied (into the copy the
     * slot held before, when of the same type): the exchange fills its updates again once they are
     * written. A received one is kept as it is, since the simulator's codec makes one per frame.
     */
    private boolean[] owned;
    private String[] texts;
    /** Slot of the oldest entry, and how many entries there are. */
    private int head;
    private int size;
    private long seq;

    public Journal(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    public Journal(int capacity, Clock clock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("journal capacity " + capacity + " (expected: 1 or more)");
        }
        this.capacity = capacity;
        this.clock = clock;
        allocate(Math.min(capacity, FIRST_SLOTS));
    }

    /** A decoded message, which the simulator's codec makes one per frame: kept as it is unless it carries a secret. */
    public void received(int sessionId, DtcMessage m) {
        add(sessionId, JournalEntry.Kind.RECEIVED, m, m, null);
    }

    /** A message written to a session, perhaps lent by its sender for the write only: kept as a {@link KeptCopy}. */
    public void sent(int sessionId, MessageView m) {
        add(sessionId, JournalEntry.Kind.SENT, m, null, null);
    }

    public void finding(int sessionId, String sentence) {
        add(sessionId, JournalEntry.Kind.FINDING, null, null, sentence);
    }

    /** {@code keepable} is {@code m} when the journal may keep it as it is, null when it must keep a copy. */
    private synchronized void add(int sessionId, JournalEntry.Kind kind, MessageView m, DtcMessage keepable, String text) {
        if (size == seqs.length) {
            if (seqs.length < capacity) {
                grow();
            } else {
                head = next(head);
                size--;
            }
        }
        int i = slot(size);
        seqs[i] = ++seq;
        times[i] = clock.millis();
        sessions[i] = sessionId;
        kinds[i] = kind;
        // A secret (a logon's Password) is kept only masked, in a copy: the session reads the original.
        boolean secret = m != null && Secrets.carried(m);
        boolean copy = m != null && (keepable == null || secret);
        messages[i] = copy ? KeptCopy.into(m, owned[i] ? messages[i] : null) : keepable;
        if (secret) {
            Secrets.mask(messages[i]);
        }
        owned[i] = copy;
        texts[i] = text;
        size++;
    }

    private int slot(int nth) {
        int i = head + nth;
        return i < seqs.length ? i : i - seqs.length;
    }

    private int next(int i) {
        return i + 1 < seqs.length ? i + 1 : 0;
    }

    /** The {@code nth} oldest entry for a reader to keep; under the lock. */
    private JournalEntry entry(int nth) {
        int i = slot(nth);
        // The journal's own copy is written over when the ring comes round: a reader gets one of its own.
        return owned[i] ? view(nth, messages[i].copy()) : view(nth, messages[i]);
    }

    /** The {@code nth} oldest entry as it lies, holding {@code m}; under the lock. */
    private JournalEntry view(int nth, DtcMessage m) {
        int i = slot(nth);
        return new JournalEntry(seqs[i], times[i], sessions[i], kinds[i], m, texts[i]);
    }

    /** Twice the slots (at most the capacity), oldest entry first again; only when every slot is in use. */
    private void grow() {
        int n = seqs.length;
        int slots = Math.min(capacity, n * 2);
        seqs = inOrder(seqs, new long[slots], n);
        times = inOrder(times, new long[slots], n);
        sessions = inOrder(sessions, new int[slots], n);
        kinds = inOrder(kinds, new JournalEntry.Kind[slots], n);
        messages = inOrder(messages, new DtcMessage[slots], n);
        owned = inOrder(owned, new boolean[slots], n);
        texts = inOrder(texts, new String[slots], n);
        head = 0;
    }

    /** {@code to} holding the full ring {@code from} of {@code n} slots, oldest first. */
    private <A> A inOrder(A from, A to, int n) {
        System.arraycopy(from, head, to, 0, n - head);
        System.arraycopy(from, 0, to, n - head, head);
        return to;
    }

    private void allocate(int slots) {
        seqs = new long[slots];
        times = new long[slots];
        sessions = new int[slots];
        kinds = new JournalEntry.Kind[slots];
        messages = new DtcMessage[slots];
        owned = new boolean[slots];
        texts = new String[slots];
    }

    /** Entries from the {@code from}-th oldest on; under the lock. */
    private List<JournalEntry> entriesLocked(int from) {
        List<JournalEntry> list = new ArrayList<>(size - from);
        for (int n = from; n < size; n++) {
            list.add(entry(n));
        }
        return list;
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entriesLocked(0));
    }

    /** The entries {@code wanted} accepts, oldest first: only those are copied out (a verify() polls with this). */
    public synchronized List<JournalEntry> entries(Predicate<JournalEntry> wanted) {
        List<JournalEntry> list = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            if (wanted.test(view(n, messages[slot(n)]))) {
                list.add(entry(n));
            }
        }
        return List.copyOf(list);
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<JournalEntry> tail(int n) {
        return List.copyOf(entriesLocked(Math.max(0, size - Math.max(0, n))));
    }

    /** Conformance findings on inbound frames, as sentences. */
    public List<String> findings() {
        return entries(e -> e.kind() == JournalEntry.Kind.FINDING).stream().map(JournalEntry::text).toList();
    }

    public synchronized void clear() {
        // The messages and texts go with the entries, for the garbage collector.
        Arrays.fill(messages, null);
        Arrays.fill(owned, false);
        Arrays.fill(texts, null);
        head = 0;
        size = 0;
    }

    public int capacity() {
        return capacity;
    }

    /** Starts an assertion: {@code journal.verify().received("CANCEL_ORDER").with("ClientOrderID", "x").within(ofSeconds(2))}. */
    public Verification verify() {
        return new Verification(this);
    }
}
