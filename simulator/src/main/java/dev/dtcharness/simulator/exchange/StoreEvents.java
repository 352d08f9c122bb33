package dev.dtcharness.simulator.exchange;

import java.util.Map;

/**
 * The changes of the exchange's state that outlive a restart, in the order they happened: a store
 * is told them live, and tells them back to a new engine when it starts on the same state.
 */
public interface StoreEvents {
    /** A ClientOrderID is taken for this trading session (FACTS.md 3.1): a new order with it is rejected. */
    void clientOrderIdUsed(String clientOrderId);

    /** An order as it stands after a change, before the ORDER_UPDATE telling it is sent. */
    void orderChanged(StoredOrder order);

    /** A fill and the order it filled, in one event: both or neither survive a crash. */
    void filled(Fill fill, StoredOrder order);

    /** Orders, fills, positions and used ids forgotten; the counters go on from these values. */
    void reset(long serverOrderIds, long executionIds);

    /** Snapshot only: a fill still in the history; its effect on positions is in {@link #accountState}. */
    void fillKept(Fill fill);

    /** Snapshot only: an account's positions by symbol and realised profit or loss, as they stand. */
    void accountState(String account, double realisedPnl, Map<String, Position> positions);
}
