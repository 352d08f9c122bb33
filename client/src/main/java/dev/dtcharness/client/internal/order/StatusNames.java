package dev.dtcharness.client.internal.order;

import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;

/**
 * Words for the raw OrderStatus and OrderUpdateReason values an order keeps: raw, since a server may
 * send a value the spec does not define, and the book applies it as the server says (it is the truth).
 */
public final class StatusNames {

    private StatusNames() {
    }

    /** The status named "ORDER_STATUS_FILLED" or just "FILLED"; throws naming the valid ones. */
    public static OrderStatus parse(String status) {
        for (OrderStatus s : OrderStatus.values()) {
            if (s.specName().equals(status) || s.name().equals(status)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status: " + status + " (expected: one of OrderStatusEnum, e.g. FILLED or "
                + "ORDER_STATUS_FILLED: " + java.util.Arrays.toString(OrderStatus.values()) + ")");
    }

    /** "ORDER_STATUS_FILLED", or "42 (not in OrderStatusEnum)". */
    public static String name(int status) {
        OrderStatus s = OrderStatus.of(status);
        return s != null ? s.specName() : status + " (not in OrderStatusEnum)";
    }

    /** "FILLED": the constant without its prefix, as people say it. */
    public static String shortName(int status) {
        OrderStatus s = OrderStatus.of(status);
        return s != null ? s.name() : name(status);
    }

    /** "ORDER_FILLED", or "42 (not in OrderUpdateReasonEnum)". */
    public static String reasonName(int reason) {
        OrderUpdateReason r = OrderUpdateReason.of(reason);
        return r != null ? r.specName() : reason + " (not in OrderUpdateReasonEnum)";
    }

    /** FILLED, CANCELED or REJECTED: DTC sends no further fills for it. */
    public static boolean isTerminal(int status) {
        return status == OrderStatus.FILLED.value() || status == OrderStatus.CANCELED.value()
                || status == OrderStatus.REJECTED.value();
    }

}
