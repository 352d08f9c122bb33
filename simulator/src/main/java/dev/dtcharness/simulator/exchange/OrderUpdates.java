package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.FieldSpec;

/**
 * Writes the ORDER_UPDATE (301) messages of FACTS.md 3.2 and 3.3: real-time ones unsolicited
 * (RequestID 0, TotalNumMessages 1, MessageNumber 1) and complete, so a client never has to
 * remember earlier ones. The updates of orders are written into a message the caller reuses.
 */
final class OrderUpdates {
    private static final String[] ECHOED = {"Symbol", "Exchange", "TradeAccount", "ClientOrderID"};

    private OrderUpdates() {
    }

    /** The order as it stands, with its status and this reason, written into {@code into} (cleared first). */
    static OrderUpdate current(OrderUpdate into, Order o, OrderUpdateReason reason, long nowMillis) {
        SubmitNewSingleOrder request = o.request;
        OrderUpdate m = header(into.clear(), o.status, reason, nowMillis)
                .setSymbol(fit(OrderUpdate.SYMBOL, o.symbol))
                .setExchange(o.exchange)
                .setTradeAccount(o.account)
                .setClientOrderID(o.clientOrderId)
                .setServerOrderID(o.serverOrderId)
                .setOrderTypeValue(request.orderTypeValue())
                .setBuySellValue(request.buySellValue())
                .setTimeInForceValue((int) o.timeInForce)
                .setOrderQuantity(o.quantity)
                .setFilledQuantity(o.filled)
                .setRemainingQuantity(o.remaining())
                .setOrderReceivedDateTime(o.receivedMillis);
        if (!o.isMarket()) {
            m.setPrice1(o.price1);
        }
        if (o.price2 != 0 && o.price2 != Double.MAX_VALUE) {
            m.setPrice2(o.price2);
        }
        if (o.filled > 0) {
            m.setAverageFillPrice(o.averagePrice);
        }
        if (!o.previousServerOrderId.isEmpty()) {
            m.setPreviousServerOrderID(o.previousServerOrderId);
        }
        if (!o.ocoLinked.isEmpty()) {
            m.setOCOLinkedOrderServerOrderID(o.ocoLinked);
        }
        // Echoed when the request set them.
        long goodTill = request.goodTillDateTime();
        if (goodTill != 0) {
            m.setGoodTillDateTime(goodTill);
        }
        int openOrClose = request.openOrCloseValue();
        if (openOrClose != 0) {
            m.setOpenOrCloseValue(openOrClose);
        }
        String text = request.freeFormText();
        if (!text.isEmpty()) {
            m.setFreeFormText(text);
        }
        return m;
    }

    /** A fill or partial fill that has just been booked on the order, written into {@code into}. */
    static OrderUpdate fill(OrderUpdate into, Order o, Fill f) {
        OrderUpdateReason reason = o.remaining() <= 0 ? OrderUpdateReason.ORDER_FILLED
                : OrderUpdateReason.ORDER_FILLED_PARTIALLY;
        return current(into, o, reason, f.epochMillis())
                .setLastFillPrice(f.price())
                .setLastFillQuantity(f.quantity())
                .setLastFillDateTime(f.epochMillis())
                .setLastFillExecutionID(f.executionId());
    }

    /** {@code REJECTED / NEW_ORDER_REJECTED} echoing the request's ids, with the reason in InfoText. */
    static OrderUpdate rejected(MessageView request, String reason, long nowMillis) {
        return echo(request, OrderUpdateReason.NEW_ORDER_REJECTED, reason, nowMillis);
    }

    /** A cancel or replace of an order nobody knows: REJECTED, empty ServerOrderID, the ClientOrderID echoed (3.2 F). */
    static OrderUpdate unknownOrder(MessageView request, OrderUpdateReason reason, String why, long nowMillis) {
        return echo(request, reason, why, nowMillis);
    }

    /** The one ORDER_UPDATE that says "no open orders" (FACTS.md 3.3). */
    static OrderUpdate noOrders(int requestId) {
        return new OrderUpdate().setRequestID(requestId).setTotalNumMessages(1).setMessageNumber(1)
                .setOrderUpdateReason(OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE).setNoOrders(1);
    }

    /** Adds InfoText cut to its capacity. */
    static OrderUpdate withInfo(OrderUpdate m, String text) {
        return m.setInfoText(fit(OrderUpdate.INFO_TEXT, text));
    }

    private static OrderUpdate echo(MessageView request, OrderUpdateReason reason, String text, long nowMillis) {
        OrderUpdate m = header(new OrderUpdate(), OrderStatus.REJECTED, reason, nowMillis);
        for (String field : ECHOED) {
            if (request.spec().fieldOrNull(field) != null) {
                // A reject may echo a request whose strings were too long to accept; cut them to fit.
                FieldSpec f = OrderUpdate.SPEC.field(field);
                m.set(f, fit(f, request.getString(field)));
            }
        }
        return withInfo(m, text);
    }

    private static OrderUpdate header(OrderUpdate into, OrderStatus status, OrderUpdateReason reason, long nowMillis) {
        return into
                .setRequestID(0)
                .setTotalNumMessages(1)
                .setMessageNumber(1)
                .setOrderStatus(status)
                .setOrderUpdateReason(reason)
                .setLatestTransactionDateTime(DtcTimes.withMilliseconds(nowMillis));
    }

    private static String fit(FieldSpec f, String value) {
        return value.length() <= f.maxStringLength() ? value : value.substring(0, f.maxStringLength());
    }
}
