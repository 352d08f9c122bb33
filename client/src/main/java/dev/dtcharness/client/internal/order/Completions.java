package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Order;
import java.util.ArrayDeque;

/**
 * Completion batching: orders ended during one socket read complete their terminal futures together
 * when the read is done, so an app thread waiting on many of them is woken once per read, not once
 * per order. Only the thread that holds is held; an order ended on any other thread completes at once.
 */
final class Completions {
    /** The thread holding completions, and what it holds, oldest first. */
    private volatile Thread holder;
    private final ArrayDeque<Ended> held = new ArrayDeque<>();

    private record Ended(TrackedOrder order, Order after) {
    }

    void hold() {
        holder = Thread.currentThread();
    }

    /** Completes what this thread held, in the order the orders ended; nothing when it held nothing. */
    void release() {
        if (holder != Thread.currentThread()) {
            return;
        }
        holder = null;
        for (Ended e; (e = held.poll()) != null; ) {
            e.order().completeIfTerminal(e.after());
        }
    }

    /** Called outside the book's lock: completing runs the caller's dependent stages on this thread. */
    void complete(TrackedOrder t, Order after) {
        if (!after.isTerminal()) {
            return;
        }
        if (holder == Thread.currentThread()) {
            held.add(new Ended(t, after));
        } else {
            t.completeIfTerminal(after);
        }
    }
}
