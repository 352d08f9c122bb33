package dev.dtcharness.simulator.exchange;

import java.util.LinkedHashSet;
import java.util.Set;

/** ClientOrderIDs used in this trading session, across connections (FACTS.md 3.1); the oldest age out past a bound. */
final class ClientOrderIds {
    private final int capacity;
    private final Set<String> used = new LinkedHashSet<>();

    ClientOrderIds(int capacity) {
        this.capacity = capacity;
    }

    /** True when the id is new (and is now used). */
    boolean add(String id) {
        if (!used.add(id)) {
            return false;
        }
        if (used.size() > capacity) {
            used.remove(used.iterator().next());
        }
        return true;
    }

    /** Oldest first. */
    java.util.List<String> all() {
        return java.util.List.copyOf(used);
    }

    void clear() {
        used.clear();
    }
}
