package dev.dtcharness.simulator.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The orders the exchange knows by ServerOrderID: every working one, oldest first, and the newest
 * {@code kept} finished ones. One map holds both, so an order that fills costs one insert when it is
 * accepted and one removal when it ages out (a working map and a finished one cost four hash
 * operations per order, each a cache miss on entries a thousand orders old); working orders are
 * chained through the orders themselves. The finished ones wait in a ring with their ids' hashes, so the one that ages out
 * leaves the index without being read ({@link OrderIndex}). Touched only on the exchange thread.
 */
final class OrderTable {
    private final int kept;
    private final OrderIndex byId = new OrderIndex();
    /** Finished orders oldest first, from {@link #finishedHead}, and the hashes of their ids. */
    private Order[] finished = new Order[16];
    private int[] finishedHashes = new int[16];
    private int finishedHead;
    private int finishedCount;
    private Order oldestWorking;
    private Order newestWorking;

    OrderTable(int kept) {
        this.kept = kept;
    }

    /** Adds {@code o} as the newest working order, in place of any order known under its ServerOrderID. */
    void addWorking(Order o) {
        claimId(o);
        if (!o.listedWorking) {
            link(o);
        }
    }

    /** Moves a working {@code o} to the finished ones; the oldest finished beyond {@code kept} are forgotten. */
    void finish(Order o) {
        if (o.listedWorking) {
            // Known under its id already: the usual case costs no hash operation here.
            unlink(o);
        } else if (claimId(o)) {
            return;
        }
        if (finishedCount == finished.length) {
            growFinished();
        }
        int mask = finished.length - 1;
        int at = (finishedHead + finishedCount++) & mask;
        finished[at] = o;
        finishedHashes[at] = OrderIndex.hash(o.serverOrderId);
        while (finishedCount > kept) {
            int oldest = finishedHead;
            Order old = finished[oldest];
            finished[oldest] = null;
            finishedHead = (oldest + 1) & mask;
            finishedCount--;
            // Only if the id still means that order: a restored snapshot may have put a newer one there.
            byId.removeByHash(finishedHashes[oldest], old);
        }
    }

    private void growFinished() {
        Order[] ring = new Order[finished.length * 2];
        int[] ringHashes = new int[ring.length];
        int mask = finished.length - 1;
        for (int k = 0; k < finishedCount; k++) {
            ring[k] = finished[(finishedHead + k) & mask];
            ringHashes[k] = finishedHashes[(finishedHead + k) & mask];
        }
        finished = ring;
        finishedHashes = ringHashes;
        finishedHead = 0;
    }

    /** Makes {@code o}'s id mean {@code o}; an order it meant before leaves the working chain. Whether it meant {@code o} already. */
    private boolean claimId(Order o) {
        Order before = byId.put(o.serverOrderId, o);
        if (before != null && before != o) {
            unlink(before);
        }
        return before == o;
    }

    /** {@code o} was given a new ServerOrderID (a replace): known by the new one only, as the newest working order. */
    void renumber(Order o, String oldId) {
        byId.remove(oldId, o);
        unlink(o);
        addWorking(o);
    }

    /** Forgets the working order with this id, if there is one. */
    void removeWorking(String serverOrderId) {
        Order o = working(serverOrderId);
        if (o != null) {
            unlink(o);
            byId.remove(serverOrderId, o);
        }
    }

    /** The working order with this ServerOrderID, or null. */
    Order working(String serverOrderId) {
        Order o = byId.get(serverOrderId);
        return o != null && o.listedWorking ? o : null;
    }

    /** The order with this ServerOrderID, working or finished, or null. */
    Order any(String serverOrderId) {
        return byId.get(serverOrderId);
    }

    /** The working orders, oldest first (a copy). */
    List<Order> working() {
        List<Order> all = new ArrayList<>();
        for (Order o = oldestWorking; o != null; o = o.newerWorking) {
            all.add(o);
        }
        return all;
    }

    /** The finished orders still kept, oldest first (a copy). */
    List<Order> finished() {
        List<Order> all = new ArrayList<>(finishedCount);
        for (int k = 0; k < finishedCount; k++) {
            Order o = finished[(finishedHead + k) & (finished.length - 1)];
            if (byId.get(o.serverOrderId) == o) {
                all.add(o);
            }
        }
        return all;
    }

    void clear() {
        while (oldestWorking != null) {
            unlink(oldestWorking);
        }
        byId.clear();
        Arrays.fill(finished, null);
        finishedHead = 0;
        finishedCount = 0;
    }

    private void link(Order o) {
        o.listedWorking = true;
        o.olderWorking = newestWorking;
        o.newerWorking = null;
        if (newestWorking != null) {
            newestWorking.newerWorking = o;
        } else {
            oldestWorking = o;
        }
        newestWorking = o;
    }

    private void unlink(Order o) {
        if (!o.listedWorking) {
            return;
        }
        if (o.olderWorking != null) {
            o.olderWorking.newerWorking = o.newerWorking;
        } else {
            oldestWorking = o.newerWorking;
        }
        if (o.newerWorking != null) {
            o.newerWorking.olderWorking = o.olderWorking;
        } else {
            newestWorking = o.olderWorking;
        }
        o.olderWorking = null;
        o.newerWorking = null;
        o.listedWorking = false;
    }
}
