package dev.dtcharness.client.order;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.EnumSpec;

/** The OrderStatusEnum and OrderUpdateReasonEnum values the client reasons about, all taken from the spec. */
public final class OrderStatuses {
    private static final EnumSpec STATUS = DtcSpec.v8().enumeration("OrderStatusEnum");
    private static final EnumSpec REASON = DtcSpec.v8().enumeration("OrderUpdateReasonEnum");
    private static final String PREFIX = "ORDER_STATUS_";

    public static final int UNSPECIFIED = status("ORDER_STATUS_UNSPECIFIED");
    /** Client-internal: sent, no ORDER_UPDATE yet. A server never sends it (FACTS 3.1). */
    public static final int ORDER_SENT = status("ORDER_STATUS_ORDER_SENT");
    public static final int PENDING_OPEN = status("ORDER_STATUS_PENDING_OPEN");
    public static final int PENDING_CHILD = status("ORDER_STATUS_PENDING_CHILD");
    public static final int OPEN = status("ORDER_STATUS_OPEN");
    public static final int PENDING_CANCEL_REPLACE = status("ORDER_STATUS_PENDING_CANCEL_REPLACE");
    public static final int PENDING_CANCEL = status("ORDER_STATUS_PENDING_CANCEL");
    public static final int PARTIALLY_FILLED = status("ORDER_STATUS_PARTIALLY_FILLED");
    public static final int FILLED = status("ORDER_STATUS_FILLED");
    public static final int CANCELED = status("ORDER_STATUS_CANCELED");
    public static final int REJECTED = status("ORDER_STATUS_REJECTED");
    public static final int OPEN_ORDERS_REQUEST_RESPONSE = (int) REASON.valueOf("OPEN_ORDERS_REQUEST_RESPONSE");
    public static final int NEW_ORDER_ACCEPTED = (int) REASON.valueOf("NEW_ORDER_ACCEPTED");
    public static final int ORDER_FILLED = (int) REASON.valueOf("ORDER_FILLED");
    public static final int ORDER_FILLED_PARTIALLY = (int) REASON.valueOf("ORDER_FILLED_PARTIALLY");
    public static final int ORDER_CANCELED = (int) REASON.valueOf("ORDER_CANCELED");
    public static final int ORDER_CANCEL_REPLACE_COMPLETE = (int) REASON.valueOf("ORDER_CANCEL_REPLACE_COMPLETE");
    public static final int NEW_ORDER_REJECTED = (int) REASON.valueOf("NEW_ORDER_REJECTED");
    public static final int ORDER_CANCEL_REJECTED = (int) REASON.valueOf("ORDER_CANCEL_REJECTED");
    public static final int ORDER_CANCEL_REPLACE_REJECTED = (int) REASON.valueOf("ORDER_CANCEL_REPLACE_REJECTED");

    private OrderStatuses() {
    }

    /** The value of "ORDER_STATUS_FILLED" or of the short form "FILLED"; throws naming the valid ones. */
    public static int code(String status) {
        if (!status.startsWith(PREFIX) && STATUS.values().containsKey(PREFIX + status)) {
            return status(PREFIX + status);
        }
        return status(status);
    }

    /** "ORDER_STATUS_FILLED", or "42 (not in OrderStatusEnum)". */
    public static String name(int status) {
        String n = STATUS.nameOf(status);
        return n != null ? n : status + " (not in OrderStatusEnum)";
    }

    /** "FILLED": the constant without its prefix, as people say it. */
    public static String shortName(int status) {
        String n = name(status);
        return n.startsWith(PREFIX) ? n.substring(PREFIX.length()) : n;
    }

    /** The OrderUpdateReasonEnum value of a constant such as "ORDER_FILLED". */
    public static int reasonCode(String reason) {
        return (int) REASON.valueOf(reason);
    }

    public static String reasonName(int reason) {
        String n = REASON.nameOf(reason);
        return n != null ? n : reason + " (not in OrderUpdateReasonEnum)";
    }

    /** Every OrderStatusEnum value, UNSPECIFIED included, in the spec's order. */
    public static java.util.List<Integer> all() {
        return STATUS.values().values().stream().map(Number::intValue).sorted().toList();
    }

    public static boolean isKnown(int status) {
        return STATUS.nameOf(status) != null;
    }

    public static boolean isTerminal(int status) {
        return status == FILLED || status == CANCELED || status == REJECTED;
    }

    private static int status(String constant) {
        return (int) STATUS.valueOf(constant);
    }
}
