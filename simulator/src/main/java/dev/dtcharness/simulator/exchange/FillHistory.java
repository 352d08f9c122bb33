package dev.dtcharness.simulator.exchange;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Every fill, oldest first, outliving the sessions that caused them; the oldest drop out past a bound. */
final class FillHistory {
    private final int capacity;
    private final Deque<Fill> fills = new ArrayDeque<>();

    FillHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(Fill f) {
        fills.addLast(f);
        if (fills.size() > capacity) {
            fills.removeFirst();
        }
    }

    List<Fill> all() {
        return List.copyOf(fills);
    }

    void clear() {
        fills.clear();
    }
}
