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
    // Handles on the spec's own fields, for the updates every order sends: no lookup by name per field.
    private static final FieldSpec REQUEST_ID = SPEC.field("RequestID"), TOTAL = SPEC.field("TotalNumMessages"),
            NUMBER = SPEC.field("MessageNumber"), STATUS = SPEC.field("OrderStatus"),
            REASON = SPEC.field("OrderUpdateReason"), LATEST = SPEC.field("LatestTransactionDateTime"),
            SYMBOL = SPEC.field("Symbol"), EXCHANGE = SPEC.field("Exchange"), ACCOUNT = SPEC.field("TradeAccount"),
            CLIENT_ID = SPEC.field("ClientOrderID"), SERVER_ID = SPEC.field("ServerOrderID"),
            TYPE = SPEC.field("OrderType"), SIDE = SPEC.field("BuySell"), TIF = SPEC.field("TimeInForce"),
            QUANTITY = SPEC.field("OrderQuantity"), FILLED = SPEC.field("FilledQuantity"),
            REMAINING = SPEC.field("RemainingQuantity"), RECEIVED = SPEC.field("OrderReceivedDateTime"),
            PRICE1 = SPEC.field("Price1"), PRICE2 = SPEC.field("Price2"), AVERAGE = SPEC.field("AverageFillPrice"),
            FILL_PRICE = SPEC.field("LastFillPrice"), FILL_QUANTITY = SPEC.field("LastFillQuantity"),
            FILL_TIME = SPEC.field("LastFillDateTime"), EXECUTION_ID = SPEC.field("LastFillExecutionID"),
            GOOD_TILL = SPEC.field("GoodTillDateTime"), OPEN_OR_CLOSE = SPEC.field("OpenOrClose"),
            FREE_FORM_TEXT = SPEC.field("FreeFormText");

    private OrderUpdates() {
    }

    /** An empty ORDER_UPDATE, for a sender that writes its updates into one it reuses. */
    static DtcMessage blank() {
        return DtcMessage.of(SPEC);
    }

    /** The order as it stands, with this status and reason. */
    static DtcMessage of(Order o, String status, String reason, long nowMillis) {
        return of(DtcMessage.of(SPEC), o, status, reason, nowMillis);
    }

    /** As {@link #of(Order, String, String, long)}, written into {@code into} (an ORDER_UPDATE, cleared first). */
    static DtcMessage of(DtcMessage into, Order o, String status, String reason, long nowMillis) {
        DtcMessage request = o.request;
        DtcMessage m = header(into.clear(), status, reason, nowMillis)
                .set(SYMBOL, fit(SYMBOL, o.symbol))
                .set(EXCHANGE, o.exchange)
                .set(ACCOUNT, o.account)
                .set(CLIENT_ID, o.clientOrderId)
                .set(SERVER_ID, o.serverOrderId)
                .set(TYPE, OrderFields.integer(request, OrderFields.ORDER_TYPE))
                .set(SIDE, OrderFields.integer(request, OrderFields.BUY_SELL))
                .set(TIF, o.timeInForce)
                .set(QUANTITY, o.quantity)
                .set(FILLED, o.filled)
                .set(REMAINING, o.remaining())
                .set(RECEIVED, o.receivedMillis);
        if (!o.isMarket()) {
            m.set(PRICE1, o.price1);
        }
        if (o.price2 != 0 && o.price2 != Double.MAX_VALUE) {
            m.set(PRICE2, o.price2);
        }
        if (o.filled > 0) {
            m.set(AVERAGE, o.averagePrice);
        }
        if (!o.previousServerOrderId.isEmpty()) {
            m.set("PreviousServerOrderID", o.previousServerOrderId);
        }
        if (!o.ocoLinked.isEmpty()) {
            m.set("OCOLinkedOrderServerOrderID", o.ocoLinked);
        }
        // Echoed when the request set them; read through handles, for every update of every order passes here.
        long goodTill = OrderFields.integer(request, OrderFields.GOOD_TILL);
        if (goodTill != 0) {
            m.set(GOOD_TILL, goodTill);
        }
        long openOrClose = OrderFields.integer(request, OrderFields.OPEN_OR_CLOSE);
        if (openOrClose != 0) {
            m.set(OPEN_OR_CLOSE, openOrClose);
        }
        String text = OrderFields.text(request, OrderFields.FREE_FORM_TEXT);
        if (!text.isEmpty()) {
            m.set(FREE_FORM_TEXT, text);
        }
        return m;
    }

    /** The order at its current status with this reason. */
    static DtcMessage current(Order o, String reason, long nowMillis) {
        return of(o, o.status, reason, nowMillis);
    }

    /** As {@link #current(Order, String, long)}, written into {@code into}. */
    static DtcMessage current(DtcMessage into, Order o, String reason, long nowMillis) {
        return of(into, o, o.status, reason, nowMillis);
    }

    /** A fill or partial fill that has just been booked on the order, written into {@code into}. */
    static DtcMessage fill(DtcMessage into, Order o, Fill f) {
        String reason = o.remaining() <= 0 ? "ORDER_FILLED" : "ORDER_FILLED_PARTIALLY";
        return current(into, o, reason, f.epochMillis())
                .set(FILL_PRICE, f.price())
                .set(FILL_QUANTITY, f.quantity())
                .set(FILL_TIME, f.epochMillis())
                .set(EXECUTION_ID, f.executionId());
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
        DtcMessage m = header(DtcMessage.of(SPEC), status, reason, nowMillis);
        for (String field : new String[] {"Symbol", "Exchange", "TradeAccount", "ClientOrderID"}) {
            if (request.spec().fieldOrNull(field) != null) {
                // A reject may echo a request whose strings were too long to accept; cut them to fit.
                m.set(field, fit(field, request.getString(field)));
            }
        }
        return withInfo(m, text);
    }

    private static DtcMessage header(DtcMessage into, String status, String reason, long nowMillis) {
        return into
                .set(REQUEST_ID, 0)
                .set(TOTAL, 1)
                .set(NUMBER, 1)
                .set(STATUS, STATUS.enumSpec().valueOf(status))
                .set(REASON, REASON.enumSpec().valueOf(reason))
                .set(LATEST, nowMillis / 1000.0);
    }

    static String fit(String field, String value) {
        return fit(SPEC.field(field), value);
    }

    private static String fit(FieldSpec f, String value) {
        return value.length() <= f.maxStringLength() ? value : value.substring(0, f.maxStringLength());
    }
}
