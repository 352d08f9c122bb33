package dev.dtcharness.client;

import java.util.List;
import java.util.Optional;

/**
 * The client's orders as an app reads them ({@link DtcClient#orderBook()}): snapshots, kept current from
 * ORDER_UPDATE (301); thread-safe. Orders finished beyond {@code retainFinishedOrders} leave memory.
 */
public interface Orders {
    Optional<Order> byClientOrderId(String clientOrderId);

    Optional<Order> byServerOrderId(String serverOrderId);

    /** Every order, in the order the client first heard of it. */
    List<Order> all();

    /** Orders not ended, in the order the client first heard of them. */
    List<Order> open();

    /** Orders still working: not ended, and not just sent without an answer. */
    List<Order> live();

    /** Every fill counted, each once, for the whole session (forgotten orders' fills too). */
    CountedFills ledger();

    /** Orders finished and still held in memory. */
    int finishedInMemory();
}
