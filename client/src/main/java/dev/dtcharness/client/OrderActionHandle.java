package dev.dtcharness.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A cancel or cancel-replace sent for one order, and ways to wait for the server's answer. */
public interface OrderActionHandle {

    /** "CANCEL_ORDER" or "CANCEL_REPLACE_ORDER". */
    String messageName();

    /** The ClientOrderID of the order acted on. */
    String clientOrderId();

    /**
     * Completes when the server answered: accepted (ORDER_CANCELED, ORDER_CANCEL_REPLACE_COMPLETE),
     * rejected (ORDER_CANCEL_REJECTED, ORDER_CANCEL_REPLACE_REJECTED, with InfoText), or the order
     * ended another way first (filled before the cancel reached the exchange).
     */
    CompletableFuture<ActionResult> result();

    /** Waits for {@link #result()}; throws a DtcClientException after the timeout. Never call it from a listener. */
    ActionResult await(Duration timeout);
}
