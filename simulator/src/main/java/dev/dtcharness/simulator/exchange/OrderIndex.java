package dev.dtcharness.simulator.exchange;

import java.util.Arrays;

/**
 * ServerOrderID to order, for the {@link OrderTable}: open addressing, each entry's hash kept beside
 * it. Removing an order that aged out then takes only its hash (the table keeps it with the order)
 * and its identity; the order, its id string and a map node, all cold by the time an order ages out,
 * are not read. Through a {@code HashMap} that removal showed in the simulator's thread under load,
 * nearly all of it waiting for those reads. Touched only on the exchange thread.
 */
final class OrderIndex {
    private int[] hashes = new int[64];
    private String[] ids = new String[64];
    private Order[] orders = new Order[64];
    private int size;

    static int hash(String id) {
        int h = id.hashCode();
        return h ^ (h >>> 16);
    }

    Order get(String id) {
        int h = hash(id);
        int mask = orders.length - 1;
        for (int i = h & mask; orders[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && ids[i].equals(id)) {
                return orders[i];
            }
        }
        return null;
    }

    /** Makes {@code id} mean {@code o}; the order it meant before, or null. */
    Order put(String id, Order o) {
        int h = hash(id);
        int mask = orders.length - 1;
        int i = h & mask;
        for (; orders[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && ids[i].equals(id)) {
                Order before = orders[i];
                orders[i] = o;
                return before;
            }
        }
        hashes[i] = h;
        ids[i] = id;
        orders[i] = o;
        if (++size * 2 > orders.length) {
            grow();
        }
        return null;
    }

    /** Forgets {@code id} if it means {@code o}. */
    void remove(String id, Order o) {
        remove(hash(id), o, id);
    }

    /**
     * Forgets {@code o} where an id with this {@link #hash} means it, reading neither the order nor the
     * id: exact because the table knows an order under one id at a time.
     */
    void removeByHash(int h, Order o) {
        remove(h, o, null);
    }

    /** Forgets the entry of {@code o} under hash {@code h}, and under {@code id} unless it is null. */
    private void remove(int h, Order o, String id) {
        int mask = orders.length - 1;
        for (int i = h & mask; orders[i] != null; i = (i + 1) & mask) {
            if (orders[i] == o && hashes[i] == h && (id == null || ids[i].equals(id))) {
                delete(i);
                return;
            }
        }
    }

    void clear() {
        Arrays.fill(ids, null);
        Arrays.fill(orders, null);
        size = 0;
    }

    /** Empties slot {@code i}, moving later entries of the same probe run back so that every one stays findable. */
    private void delete(int i) {
        int mask = orders.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; orders[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            // j may fill the hole unless its home lies cyclically in (hole, j].
            boolean homeAfterHole = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!homeAfterHole) {
                hashes[hole] = hashes[j];
                ids[hole] = ids[j];
                orders[hole] = orders[j];
                hole = j;
            }
        }
        ids[hole] = null;
        orders[hole] = null;
        size--;
    }

    private void grow() {
        int[] oldHashes = hashes;
        String[] oldIds = ids;
        Order[] oldOrders = orders;
        int capacity = oldOrders.length * 2;
        hashes = new int[capacity];
        ids = new String[capacity];
        orders = new Order[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldOrders.length; k++) {
            if (oldOrders[k] != null) {
                int i = oldHashes[k] & mask;
                while (orders[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[k];
                ids[i] = oldIds[k];
                orders[i] = oldOrders[k];
            }
        }
    }
}
