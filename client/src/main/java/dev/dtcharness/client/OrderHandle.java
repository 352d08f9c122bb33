package dev.dtcharness.client;

import dev.dtcharness.protocol.enums.OrderStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One order submitted through {@link DtcClient#submit}: its id, its latest state, and ways to wait for it. */
public interface OrderHandle {

    /** The ClientOrderID sent in SUBMIT_NEW_SINGLE_ORDER (208). */
    String clientOrderId();

    /** The latest snapshot, ORDER_STATUS_ORDER_SENT until the first ORDER_UPDATE arrives. */
    Order current();

    /**
     * Waits until the order has been in the given OrderStatusEnum state ("ORDER_STATUS_FILLED", or
     * just "FILLED") and returns the snapshot taken when it first was. Fails at once when the order
     * ends in another terminal state, and after the timeout with the last known status. Never call
     * it from a listener: listeners run on the thread that delivers the updates.
     */
    Order awaitStatus(String status, Duration timeout);

    /** As {@link #awaitStatus(String, Duration)}, with the OrderStatusEnum value. */
    Order awaitStatus(int status, Duration timeout);

    /** As {@link #awaitStatus(String, Duration)}, with the spec's constant: {@code awaitStatus(OrderStatus.FILLED, timeout)}. */
    default Order awaitStatus(OrderStatus status, Duration timeout) {
        return awaitStatus(status.value(), timeout);
    }

    /**
     * Completes with the snapshot that made the order FILLED, CANCELED or REJECTED. An order the
     * client could not write to the socket ends REJECTED locally, with InfoText saying why.
     */
    CompletableFuture<Order> terminal();

    /** The order's fills, each counted once by execution id. */
    List<Fill> fills();

    /** What each ORDER_UPDATE did to the status, in arrival order, stale and invalid ones included. */
    List<Transition> transitions();
}
