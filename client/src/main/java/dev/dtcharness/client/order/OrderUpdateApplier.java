package dev.dtcharness.client.order;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcMessage;

/**
 * Folds one ORDER_UPDATE (301) into an {@link Order} snapshot, copying only what the update really
 * sets: a field absent from JSON, an empty string, a zero enum or a DBL_MAX number means "not
 * set" (FACTS 1.1, 4.11), so it leaves the snapshot's value alone.
 */
final class OrderUpdateApplier {
    private OrderUpdateApplier() {
    }

    static Order apply(Order before, DtcMessage u) {
        Side side = Side.ofCode(code(u, "BuySell", 0));
        return new Order(
                // ClientOrderID must not change for the life of an order; only an unknown order learns it here.
                before.clientOrderId().isEmpty() ? text(u, "ClientOrderID", "") : before.clientOrderId(),
                text(u, "ServerOrderID", before.serverOrderId()),
                text(u, "Symbol", before.symbol()),
                text(u, "Exchange", before.exchange()),
                text(u, "TradeAccount", before.tradeAccount()),
                side != null ? side : before.side(),
                code(u, "OrderType", before.orderType()),
                number(u, "Price1", before.price1()),
                number(u, "OrderQuantity", before.orderQuantity()),
                number(u, "FilledQuantity", before.filledQuantity()),
                number(u, "RemainingQuantity", before.remainingQuantity()),
                number(u, "AverageFillPrice", before.averageFillPrice()),
                number(u, "LastFillPrice", before.lastFillPrice()),
                number(u, "LastFillQuantity", before.lastFillQuantity()),
                text(u, "LastFillExecutionID", before.lastFillExecutionId()),
                status(before, u),
                code(u, "OrderUpdateReason", before.lastReason()),
                text(u, "InfoText", before.infoText()),
                before.updateCount() + 1);
    }

    private static int status(Order before, DtcMessage u) {
        int status = code(u, "OrderStatus", before.status());
        int reason = code(u, "OrderUpdateReason", 0);
        boolean cancelOrReplaceRejected = reason == OrderStatuses.ORDER_CANCEL_REJECTED
                || reason == OrderStatuses.ORDER_CANCEL_REPLACE_REJECTED;
        if (cancelOrReplaceRejected && status == OrderStatuses.REJECTED && before.status() != OrderStatuses.ORDER_SENT) {
            // A failed cancel or modify does not reject a working order (FACTS 3.2 F, AUDIT A04).
            return before.status();
        }
        return status;
    }

    private static String text(DtcMessage u, String field, String otherwise) {
        String v = u.isSet(field) ? u.getString(field) : "";
        return v.isEmpty() ? otherwise : v;
    }

    /** Zero is the UNSET/UNSPECIFIED constant of every enum read here. */
    private static int code(DtcMessage u, String field, int otherwise) {
        long v = u.isSet(field) ? u.getLong(field) : 0;
        return v == 0 ? otherwise : (int) v;
    }

    private static double number(DtcMessage u, String field, double otherwise) {
        if (!u.isSet(field)) {
            return otherwise;
        }
        double v = u.getDouble(field);
        return v == Double.MAX_VALUE || !Double.isFinite(v) ? otherwise : v;
    }
}
