package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Fill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills counted before their order was known (a fills answer ahead of the order's update, or the 301s
 * lost with a connection), by ServerOrderID; an order that later shows that id adopts them. Under the
 * book's lock (the {@link OrderIndex} monitor).
 */
final class UnattributedFills {
    private final Map<String, List<Fill>> byServerOrderId = new HashMap<>();

    void add(Fill fill) {
        byServerOrderId.computeIfAbsent(fill.serverOrderId(), k -> new ArrayList<>()).add(fill);
    }

    /** The fills kept for this ServerOrderID, or null; they are no longer kept. */
    List<Fill> take(String serverOrderId) {
        return byServerOrderId.isEmpty() ? null : byServerOrderId.remove(serverOrderId);
    }

    List<Fill> get(String serverOrderId) {
        return byServerOrderId.get(serverOrderId);
    }

    List<Fill> all() {
        List<Fill> all = new ArrayList<>();
        byServerOrderId.values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
