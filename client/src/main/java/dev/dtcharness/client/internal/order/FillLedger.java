package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.CountedFills;
import dev.dtcharness.client.Fill;
import dev.dtcharness.protocol.ids.NumberedIdSet;

/**
 * The execution id of every fill the client has counted this session, so a fill repeated by the
 * server, by a restatement or by a historical-fills answer after a reconnect counts exactly once.
 * Only ids are kept (the fills themselves live with their orders, and in the history database): a
 * server's counter ids as runs of numbers, others as bytes in primitive arrays ({@link NumberedIdSet}),
 * no object per fill however long the session runs.
 */
public final class FillLedger implements CountedFills {
    private final NumberedIdSet executionIds = new NumberedIdSet();

    /** Adds the fill unless its execution id is already counted; true when it was new. */
    public synchronized boolean add(Fill fill) {
        return executionIds.add(fill.executionId());
    }

    @Override
    public synchronized boolean contains(String executionId) {
        return executionIds.contains(executionId);
    }

    @Override
    public synchronized int size() {
        return executionIds.size();
    }

}
