package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;


import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.Fill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The book's entry for one order, and the {@link OrderHandle} a caller holds for it. */
public final class TrackedOrder implements OrderHandle {
    private final CompletableFuture<Order> terminal = new CompletableFuture<>();
    /**
     * The first snapshot in each status, so a wait for a status that has already passed still succeeds:
     * by status code for DTC's ten, in a map (made when needed) for any other code a server sends.
     */
    private final Order[] firstByStatus = new Order[16];
    private Map<Integer, Order> firstByOtherStatus;
    /** Threads in {@link #awaitStatus}: only then does an update need to wake anyone. */
    private int waiting;
    /** Sized for the usual order (one fill; accepted, then filled), not ArrayList's ten. */
    private final List<Fill> fills = new ArrayList<>(1);
    private final List<Transition> transitions = new ArrayList<>(2);
    /** Volatile: read on every update and by any thread, written under this object's lock. */
    private volatile Order current;
    /** Every ServerOrderID the order had (a replace gives it a new one), so the book can drop them all. */
    private final List<String> serverOrderIds = new ArrayList<>(1);
    /** When the book first heard of the order, as a count: the book lists orders in this order. */
    final long arrival;
    /**
     * The connection its new-order message was written on, until an update for it arrives: only an
     * order written on a connection that has since dropped is in doubt at the next reconciliation.
     * A field, not a map: it costs nothing per order beyond the write.
     */
    private volatile Object unansweredOn;

    /** The ids the book last indexed this order under; read and written under the book's lock only. */
    private String indexedServerId;
    private String indexedClientId;

    boolean indexedAs(String serverOrderId, String clientOrderId) {
        return serverOrderId.equals(indexedServerId) && clientOrderId.equals(indexedClientId);
    }

    /** Whether the book's ServerOrderID index holds this order under {@code serverOrderId}; under the book's lock. */
    boolean indexedUnder(String serverOrderId) {
        return serverOrderId.equals(indexedServerId);
    }

    void indexed(String serverOrderId, String clientOrderId) {
        indexedServerId = serverOrderId;
        indexedClientId = clientOrderId;
    }

    synchronized void knownAs(String serverOrderId) {
        if (!serverOrderIds.contains(serverOrderId)) {
            serverOrderIds.add(serverOrderId);
        }
    }

    TrackedOrder(Order initial, long arrival) {
        this.arrival = arrival;
        update(initial);
    }

    @Override
    public String clientOrderId() {
        return current().clientOrderId();
    }

    @Override
    public Order current() {
        return current;
    }

    @Override
    public Order awaitStatus(String status, Duration timeout) {
        return awaitStatus(StatusNames.parse(status).value(), timeout);
    }

    @Override
    public synchronized Order awaitStatus(int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Order reached = firstIn(status);
            if (reached != null) {
                return reached;
            }
            if (current.isTerminal()) {
                throw new DtcClientException("order " + current.describe() + " ended "
                        + current.statusName() + " without reaching " + StatusNames.name(status));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DtcClientException("order " + current.clientOrderId() + " did not reach "
                        + StatusNames.name(status) + " within " + timeout.toMillis() + " ms; last known: "
                        + current.describe() + " after " + current.updateCount() + " update(s)");
            }
            waiting++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DtcClientException("interrupted while waiting for order " + current.clientOrderId(), e);
            } finally {
                waiting--;
            }
        }
    }

    /** A copy, so a caller completing it cannot fake the order's end for anyone else. */
    @Override
    public CompletableFuture<Order> terminal() {
        return terminal.copy();
    }

    /** This order's fills, each counted once, in the order the client learnt of them. */
    @Override
    public synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }

    /** What every ORDER_UPDATE did to the status, stale and invalid ones included. */
    @Override
    public synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** The fill counted under this execution id for this order, or null; newest first, as a repeat is mostly of the last. */
    synchronized Fill fill(String executionId) {
        for (int i = fills.size() - 1; i >= 0; i--) {
            if (fills.get(i).executionId().equals(executionId)) {
                return fills.get(i);
            }
        }
        return null;
    }

    /** Whether the order was ever known by this ServerOrderID (a replace gives it a new one). */
    synchronized boolean hadServerOrderId(String serverOrderId) {
        return !serverOrderId.isEmpty() && (serverOrderIds.contains(serverOrderId) || serverOrderId.equals(current.serverOrderId()));
    }

    synchronized void addFill(Fill fill) {
        fills.add(fill);
    }

    synchronized List<Fill> fillsView() {
        return fills;
    }

    synchronized void addTransition(Transition t) {
        transitions.add(t);
    }

    synchronized void update(Order after) {
        current = after;
        int status = after.status();
        if (status >= 0 && status < firstByStatus.length) {
            if (firstByStatus[status] == null) {
                firstByStatus[status] = after;
            }
        } else {
            if (firstByOtherStatus == null) {
                firstByOtherStatus = new HashMap<>();
            }
            firstByOtherStatus.putIfAbsent(status, after);
        }
        if (waiting > 0) {
            notifyAll();
        }
    }

    private Order firstIn(int status) {
        if (status >= 0 && status < firstByStatus.length) {
            return firstByStatus[status];
        }
        return firstByOtherStatus == null ? null : firstByOtherStatus.get(status);
    }

    /** Runs {@code action} on each ServerOrderID the order had, without copying the list. */
    synchronized void forEachServerOrderId(Consumer<String> action) {
        serverOrderIds.forEach(action);
    }

    void writtenOn(Object connection) {
        unansweredOn = connection;
    }

    void answered() {
        if (unansweredOn != null) {
            unansweredOn = null;
        }
    }

    /** The connection it was written on while still unanswered, else null. */
    Object unansweredOn() {
        return unansweredOn;
    }

    /** Called outside the book's lock: completing runs the caller's dependent stages on this thread. */
    void completeIfTerminal(Order after) {
        if (after.isTerminal()) {
            terminal.complete(after);
        }
    }

    @Override
    public String toString() {
        return "order " + current().describe();
    }
}
