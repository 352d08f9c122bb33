package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;

/**
 * Builds the ORDER_UPDATE (301) messages of FACTS.md 3.2 and 3.3: real-time ones unsolicited
 * (RequestID 0, TotalNumMessages 1, MessageNumber 1) and complete, so a client never has to
 * remember earlier ones.
 */
final class OrderUpdates {
    private static final String ORDER_UPDATE = "ORDER_UPDATE";
    private static final MessageSpec SPEC = DtcSpec.v8().message(ORDER_UPDATE);

    private OrderUpdates() {
    }

    /** The order as it stands, with this status and reason. */
    static DtcMessage of(Order o, String status, String reason, long nowMillis) {
        DtcMessage request = o.request;
        DtcMessage m = header(status, reason, nowMillis)
                .set("Symbol", fit("Symbol", o.symbol))
                .set("Exchange", request.getString("Exchange"))
                .set("TradeAccount", o.account)
                .set("ClientOrderID", o.clientOrderId)
                .set("ServerOrderID", o.serverOrderId)
                .set("OrderType", request.getLong("OrderType"))
                .set("BuySell", request.getLong("BuySell"))
                .set("TimeInForce", o.timeInForce)
                .set("OrderQuantity", o.quantity)
                .set("FilledQuantity", o.filled)
                .set("RemainingQuantity", o.remaining())
                .set("OrderReceivedDateTime", o.receivedMillis);
        if (!o.isMarket()) {
            m.set("Price1", o.price1);
        }
        if (o.price2 != 0 && o.price2 != Double.MAX_VALUE) {
            m.set("Price2", o.price2);
        }
        if (o.filled > 0) {
            m.set("AverageFillPrice", o.averagePrice);
        }
        if (!o.previousServerOrderId.isEmpty()) {
            m.set("PreviousServerOrderID", o.previousServerOrderId);
        }
        if (!o.ocoLinked.isEmpty()) {
            m.set("OCOLinkedOrderServerOrderID", o.ocoLinked);
        }
        copyIfSet(request, m, "GoodTillDateTime", request.getLong("GoodTillDateTime") != 0);
        copyIfSet(request, m, "OpenOrClose", request.getLong("OpenOrClose") != 0);
        copyIfSet(request, m, "FreeFormText", !request.getString("FreeFormText").isEmpty());
        return m;
    }

    /** The order at its current status with this reason. */
    static DtcMessage current(Order o, String reason, long nowMillis) {
        return of(o, o.status, reason, nowMillis);
    }

    /** A fill or partial fill that has just been booked on the order. */
    static DtcMessage fill(Order o, Fill f) {
        String reason = o.remaining() <= 0 ? "ORDER_FILLED" : "ORDER_FILLED_PARTIALLY";
        return current(o, reason, f.epochMillis())
                .set("LastFillPrice", f.price())
                .set("LastFillQuantity", f.quantity())
                .set("LastFillDateTime", f.epochMillis())
                .set("LastFillExecutionID", f.executionId());
    }

    /** {@code REJECTED / NEW_ORDER_REJECTED} echoing the request's ids, with the reason in InfoText. */
    static DtcMessage rejected(DtcMessage request, String reason, long nowMillis) {
        return echo(request, "ORDER_STATUS_REJECTED", "NEW_ORDER_REJECTED", reason, nowMillis);
    }

    /** A cancel or replace of an order nobody knows: REJECTED, empty ServerOrderID, the ClientOrderID echoed (3.2 F). */
    static DtcMessage unknownOrder(DtcMessage request, String reason, String why, long nowMillis) {
        return echo(request, "ORDER_STATUS_REJECTED", reason, why, nowMillis);
    }

    /** The one ORDER_UPDATE that says "no open orders" (FACTS.md 3.3). */
    static DtcMessage noOrders(int requestId) {
        return DtcMessage.of(ORDER_UPDATE).set("RequestID", requestId).set("TotalNumMessages", 1)
                .set("MessageNumber", 1).setEnum("OrderUpdateReason", "OPEN_ORDERS_REQUEST_RESPONSE")
                .set("NoOrders", 1);
    }

    /** Adds InfoText cut to its capacity. */
    static DtcMessage withInfo(DtcMessage m, String text) {
        return m.set("InfoText", fit("InfoText", text));
    }

    private static DtcMessage echo(DtcMessage request, String status, String reason, String text, long nowMillis) {
        DtcMessage m = header(status, reason, nowMillis);
        for (String field : new String[] {"Symbol", "Exchange", "TradeAccount", "ClientOrderID"}) {
            if (request.spec().fieldOrNull(field) != null) {
                // A reject may echo a request whose strings were too long to accept; cut them to fit.
                m.set(field, fit(field, request.getString(field)));
            }
        }
        return withInfo(m, text);
    }

    private static DtcMessage header(String status, String reason, long nowMillis) {
        return DtcMessage.of(ORDER_UPDATE)
                .set("RequestID", 0)
                .set("TotalNumMessages", 1)
                .set("MessageNumber", 1)
                .setEnum("OrderStatus", status)
                .setEnum("OrderUpdateReason", reason)
                .set("LatestTransactionDateTime", nowMillis / 1000.0);
    }

    private static void copyIfSet(DtcMessage request, DtcMessage m, String field, boolean isSet) {
        if (isSet) {
            m.set(field, request.get(field));
        }
    }

    static String fit(String field, String value) {
        FieldSpec f = SPEC.field(field);
        return value.length() <= f.maxStringLength() ? value : value.substring(0, f.maxStringLength());
    }
}
