package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;

/**
 * Builds the ORDER_UPDATE (301) messages of FACTS.md 3.2: each one unsolicited (RequestID 0,
 * TotalNumMessages 1, MessageNumber 1) and complete, so a client never has to remember earlier ones.
 */
final class OrderUpdates {
    private static final String ORDER_UPDATE = "ORDER_UPDATE";
    private static final String[] ECHOED = {"Symbol", "Exchange", "TradeAccount", "ClientOrderID"};

    private OrderUpdates() {
    }

    /** A non-fill update of a working order with {@code filled} of its quantity done. */
    static DtcMessage update(WorkingOrder order, String status, String reason, double filled, long nowMillis) {
        DtcMessage request = order.request();
        DtcMessage m = unsolicited(request, status, reason, nowMillis)
                .set("ServerOrderID", order.serverOrderId())
                .set("OrderType", request.getLong("OrderType"))
                .set("BuySell", request.getLong("BuySell"))
                .set("TimeInForce", request.getLong("TimeInForce"))
                .set("OrderQuantity", order.quantity())
                .set("FilledQuantity", filled)
                .set("RemainingQuantity", order.quantity() - filled)
                .set("OrderReceivedDateTime", order.receivedMillis());
        copyPrice(request, m, "Price1", !request.enumName("OrderType").equals("ORDER_TYPE_MARKET"));
        copyPrice(request, m, "Price2", false);
        copyIfSet(request, m, "GoodTillDateTime", request.getLong("GoodTillDateTime") != 0);
        copyIfSet(request, m, "OpenOrClose", request.getLong("OpenOrClose") != 0);
        copyIfSet(request, m, "FreeFormText", !request.getString("FreeFormText").isEmpty());
        return m;
    }

    /** {@code FILLED / ORDER_FILLED}: the whole quantity at the order's fill price, in one execution. */
    static DtcMessage filled(WorkingOrder order, String executionId, long nowMillis) {
        return update(order, "ORDER_STATUS_FILLED", "ORDER_FILLED", order.quantity(), nowMillis)
                .set("AverageFillPrice", order.fillPrice())
                .set("LastFillPrice", order.fillPrice())
                .set("LastFillQuantity", order.quantity())
                .set("LastFillDateTime", nowMillis)
                .set("LastFillExecutionID", executionId);
    }

    /** {@code REJECTED / NEW_ORDER_REJECTED} echoing the request's ids, with the reason in InfoText. */
    static DtcMessage rejected(DtcMessage request, String reason, long nowMillis) {
        DtcMessage m = unsolicited(request, "ORDER_STATUS_REJECTED", "NEW_ORDER_REJECTED", nowMillis);
        return m.set("InfoText", fit(m, "InfoText", reason));
    }

    private static DtcMessage unsolicited(DtcMessage request, String status, String reason, long nowMillis) {
        DtcMessage m = DtcMessage.of(ORDER_UPDATE)
                .set("RequestID", 0)
                .set("TotalNumMessages", 1)
                .set("MessageNumber", 1)
                .setEnum("OrderStatus", status)
                .setEnum("OrderUpdateReason", reason)
                .set("LatestTransactionDateTime", nowMillis / 1000.0);
        for (String field : ECHOED) {
            // A reject may echo a request whose strings were too long to accept; cut them to fit.
            m.set(field, fit(m, field, request.getString(field)));
        }
        return m;
    }

    /** Price2 of a single-price order is 0 in binary and absent in JSON; either way it is not sent on. */
    private static void copyPrice(DtcMessage request, DtcMessage m, String field, boolean always) {
        double price = request.getDouble(field);
        if (always || (request.isSet(field) && price != 0 && price != Double.MAX_VALUE)) {
            m.set(field, price);
        }
    }

    private static void copyIfSet(DtcMessage request, DtcMessage m, String field, boolean isSet) {
        if (isSet) {
            m.set(field, request.get(field));
        }
    }

    private static String fit(DtcMessage m, String field, String value) {
        FieldSpec f = m.spec().field(field);
        return value.length() <= f.maxStringLength() ? value : value.substring(0, f.maxStringLength());
    }
}
