package dev.dtcharness.simulator.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders the exchange knows by ServerOrderID: every working one, oldest first, and the newest
 * {@code kept} finished ones. One map holds both, so an order that fills costs one insert when it is
 * accepted and one removal when it ages out (a working map and a finished one cost four hash
 * operations per order, 7 % of the exchange thread under load); working orders are chained through the
 * orders themselves. Touched only on the exchange thread.
 */
final class OrderTable {
    private final int kept;
    private final Map<String, Order> byId = new HashMap<>();
    private final ArrayDeque<Order> finished = new ArrayDeque<>();
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
        finished.addLast(o);
        while (finished.size() > kept) {
            Order old = finished.pollFirst();
            // Only if the id still means that order: a restored snapshot may have put a newer one there.
            byId.remove(old.serverOrderId, old);
        }
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
        List<Order> all = new ArrayList<>(finished.size());
        for (Order o : finished) {
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
        finished.clear();
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
