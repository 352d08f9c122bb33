package dev.dtcharness.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.TickingClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The journal's ring against a plain bounded list of what went in, through growth, wrap-around and clears. */
class JournalTest {

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, 1023, 1024, 1025, 2500, 5000})
    void shouldKeepTheLastEntriesOldestFirstAsAListBoundedByItsCapacityWould(int capacity) {
        Random random = new Random(capacity);
        Journal journal = new Journal(capacity, new TickingClock(1));
        ArrayDeque<JournalEntry> expected = new ArrayDeque<>();
        long seq = 0;
        long millis = 0;
        DtcMessage a = DtcMessage.of("HEARTBEAT");
        DtcMessage b = DtcMessage.of("LOGON_REQUEST");
        for (int op = 0; op < 12_000; op++) {
            int r = random.nextInt(1000);
            if (r == 0) {
                journal.clear();
                expected.clear();
            } else if (r < 10) {
                int n = random.nextInt(capacity + 3) - 1;
                List<JournalEntry> all = new ArrayList<>(expected);
                int keep = Math.max(0, Math.min(all.size(), n));
                assertThat(journal.tail(n)).as("tail(%d) after op %d", n, op).isEqualTo(all.subList(all.size() - keep, all.size()));
            } else {
                int session = random.nextInt(4);
                JournalEntry e = switch (random.nextInt(3)) {
                    case 0 -> {
                        journal.received(session, a);
                        yield new JournalEntry(++seq, ++millis, session, JournalEntry.Kind.RECEIVED, a, null);
                    }
                    case 1 -> {
                        journal.sent(session, b);
                        yield new JournalEntry(++seq, ++millis, session, JournalEntry.Kind.SENT, b, null);
                    }
                    default -> {
                        journal.finding(session, "finding " + op);
                        yield new JournalEntry(++seq, ++millis, session, JournalEntry.Kind.FINDING, null, "finding " + op);
                    }
                };
                expected.addLast(e);
                if (expected.size() > capacity) {
                    expected.removeFirst();
                }
            }
            if (op % 997 == 0 || op == 11_999) {
                assertThat(journal.entries()).as("after op %d", op).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void shouldKeepWhatASentMessageSaidThoughItsSenderFillsItAgain() {
        Journal journal = new Journal(2);
        DtcMessage reused = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1");
        journal.sent(1, reused);
        journal.sent(1, reused.set("ServerOrderID", "S2"));
        JournalEntry first = journal.entries().get(0);
        // The ring comes round: the slot that held S1 takes S3.
        journal.sent(1, reused.set("ServerOrderID", "S3"));
        reused.set("ServerOrderID", "S4");

        assertThat(first.message().getString("ServerOrderID")).as("a reader's entry is its own").isEqualTo("S1");
        assertThat(journal.entries()).extracting(e -> e.message().getString("ServerOrderID")).containsExactly("S2", "S3");
        JournalEntry chosen = journal.entries(e -> e.message().getString("ServerOrderID").equals("S3")).get(0);
        journal.sent(1, reused.set("ServerOrderID", "S5"));
        journal.sent(1, reused.set("ServerOrderID", "S6"));
        assertThat(chosen.message().getString("ServerOrderID")).as("a chosen entry is the reader's own too").isEqualTo("S3");
        DtcMessage received = DtcMessage.of("HEARTBEAT");
        journal.received(1, received);
        assertThat(journal.tail(1).get(0).message()).as("a decoded message is nobody else's: kept as it is").isSameAs(received);
    }

    @Test
    void shouldDropTheMessagesItClearsAndRefuseANonPositiveCapacity() {
        Journal journal = new Journal(4);
        journal.sent(1, DtcMessage.of("HEARTBEAT"));
        journal.clear();
        assertThat(journal.entries()).isEmpty();
        assertThat(journal.tail(10)).isEmpty();
        journal.finding(2, "after the clear");
        assertThat(journal.entries()).extracting(JournalEntry::seq).as("numbering carries on").containsExactly(2L);
        assertThatThrownBy(() -> new Journal(0)).hasMessageContaining("journal capacity 0 (expected: 1 or more)");
    }
}
