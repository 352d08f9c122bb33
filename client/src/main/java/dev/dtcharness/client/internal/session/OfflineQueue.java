package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.OfflineOrders;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.DtcMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order-entry messages held while the client reconnects, under {@link OfflineOrders}: bounded,
 * sent in order after the next logon, failed (with the reason) when the client gives up or closes.
 */
final class OfflineQueue {
    private static final Logger log = LoggerFactory.getLogger(OfflineQueue.class);

    /** One held message, and what to do with the order when it can never be sent. */
    record Held(DtcMessage message, Consumer<String> onFailure) {
    }

    private final OfflineOrders policy;
    private final ProblemCounter problems;
    private final Deque<Held> held = new ArrayDeque<>();

    OfflineQueue(OfflineOrders policy, ProblemCounter problems) {
        this.policy = policy;
        this.problems = problems;
    }

    boolean queues() {
        return policy.mode() == OfflineOrders.Mode.QUEUE;
    }

    /** Throws in plain words when one more message would not fit. */
    synchronized void requireRoom(String what, String address) {
        if (held.size() >= policy.limit()) {
            throw new DtcClientException("cannot " + what + ": reconnecting to " + address + " and the queue of "
                    + policy.limit() + " message(s) held while disconnected is full");
        }
    }

    synchronized void add(DtcMessage m, Consumer<String> onFailure) {
        held.add(new Held(m, onFailure));
        log.info("queued {} until the client is logged on again", m.name());
    }

    /** Everything held, oldest first; the queue is empty afterwards. */
    synchronized List<Held> drain() {
        List<Held> all = List.copyOf(held);
        held.clear();
        return all;
    }

    /** Ends every held order: it will never be sent. */
    void failAll(String why) {
        List<Held> all = drain();
        all.forEach(h -> h.onFailure().accept(why));
        if (!all.isEmpty()) {
            problems.warn(log, "{} queued message(s) not sent: {}", all.size(), why);
        }
    }
}
