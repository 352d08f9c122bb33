package dev.dtcharness.client.order;

import dev.dtcharness.client.Fill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fill the client has counted, keyed by execution id, so a fill repeated by the server, by a
 * restatement or by a historical-fills answer after a reconnect counts exactly once.
 */
public final class FillLedger {
    private final Map<String, Fill> byExecutionId = new LinkedHashMap<>();

    /** Adds the fill unless its execution id is already counted; true when it was new. */
    public synchronized boolean add(Fill fill) {
        return byExecutionId.putIfAbsent(fill.executionId(), fill) == null;
    }

    public synchronized boolean contains(String executionId) {
        return byExecutionId.containsKey(executionId);
    }

    /** In the order first counted. */
    public synchronized List<Fill> all() {
        return new ArrayList<>(byExecutionId.values());
    }

    public synchronized int size() {
        return byExecutionId.size();
    }
}
