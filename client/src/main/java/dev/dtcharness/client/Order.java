package dev.dtcharness.client;

import dev.dtcharness.client.internal.order.StatusNames;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;

/**
 * An immutable snapshot of one order as the client knows it, built from ORDER_UPDATE (301)
 * messages. Prices the server never set read NaN; {@code status} and {@code lastReason} hold the
 * OrderStatusEnum and OrderUpdateReasonEnum values of the spec.
 *
 * @param side        null when no update said BUY or SELL (an order placed elsewhere)
 * @param orderType   OrderTypeEnum value, 0 when unknown
 * @param updateCount how many ORDER_UPDATEs were applied, duplicates included
 */
public record Order(String clientOrderId, String serverOrderId, String symbol, String exchange, String tradeAccount,
                    Side side, int orderType, double price1, double orderQuantity, double filledQuantity,
                    double remainingQuantity, double averageFillPrice, double lastFillPrice, double lastFillQuantity,
                    String lastFillExecutionId, int status, int lastReason, String infoText, int updateCount) {

    /** The status as the spec's enum, or null for a value the spec does not define (applied as the server sent it). */
    public OrderStatus orderStatus() {
        return OrderStatus.of(status);
    }

    /** The reason of the last update as the spec's enum, or null for a value the spec does not define. */
    public OrderUpdateReason lastUpdateReason() {
        return OrderUpdateReason.of(lastReason);
    }

    /** The OrderStatusEnum constant, e.g. "ORDER_STATUS_FILLED". */
    public String statusName() {
        return StatusNames.name(status);
    }

    /** The OrderUpdateReasonEnum constant of the last update, e.g. "ORDER_FILLED". */
    public String lastReasonName() {
        return StatusNames.reasonName(lastReason);
    }

    /** FILLED, CANCELED or REJECTED: DTC sends no further fills for it. */
    public boolean isTerminal() {
        return StatusNames.isTerminal(status);
    }

    public boolean isFilled() {
        return status == OrderStatus.FILLED.value();
    }

    /** "DH1-3/S7 FILLED (ORDER_FILLED), filled 1 of 1", for logs and error messages. */
    public String describe() {
        return (clientOrderId.isEmpty() ? "-" : clientOrderId) + "/" + (serverOrderId.isEmpty() ? "-" : serverOrderId)
                + " " + StatusNames.shortName(status) + " (" + lastReasonName() + "), filled "
                + number(filledQuantity) + " of " + number(orderQuantity) + (infoText.isEmpty() ? "" : ": " + infoText);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
