package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.ids.NumberedIdSet;
import java.util.ArrayList;
import java.util.List;

/**
 * ClientOrderIDs used in this trading session, across connections (FACTS.md 3.1). The most recent
 * {@code capacity} ids at least are remembered, and at most twice as many: they are kept in two
 * generations, and when the newer one is full the older one is dropped whole. Compact sets, not a
 * linked hash set: an id per order held for a hundred thousand orders made every young collection copy
 * it and the old generation collect it later. A client's counter ids ("DH...-41", "DH...-42") are kept
 * as runs of numbers ({@link NumberedIdSet}): checking a new one no longer probes a table of the last
 * hundred thousand, a cache miss per order under load.
 */
final class ClientOrderIds {
    private final int capacity;
    private NumberedIdSet older = new NumberedIdSet();
    private NumberedIdSet newer = new NumberedIdSet();

    ClientOrderIds(int capacity) {
        this.capacity = capacity;
    }

    /** True when the id is new (and is now used). */
    boolean add(String id) {
        if (older.contains(id) || !newer.add(id)) {
            return false;
        }
        if (newer.size() >= capacity) {
            // Every new order asks the older generation and nearly always misses: its filter answers that
            // (without it, older.contains probes a cold table for every order).
            older = newer;
            older.seal();
            newer = new NumberedIdSet();
        }
        return true;
    }

    /** Oldest generation first; within one, ids of other shapes in the order used, then counters in order. */
    List<String> all() {
        List<String> all = new ArrayList<>(older.size() + newer.size());
        older.forEach(all::add);
        newer.forEach(all::add);
        return all;
    }

    void clear() {
        older = new NumberedIdSet();
        newer = new NumberedIdSet();
    }
}
