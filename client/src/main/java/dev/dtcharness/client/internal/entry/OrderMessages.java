package dev.dtcharness.client.internal.entry;

import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderChange;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.EnumSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;

/** The order-entry messages other than 208 (FACTS 3.2, 3.8), built by field name from the spec. */
final class OrderMessages {
    private static final EnumSpec ORDER_TYPES = SubmitNewSingleOrder.ORDER_TYPE.enumSpec(),
            BUY_SELL = SubmitNewSingleOrder.BUY_SELL.enumSpec(), TIMES_IN_FORCE = SubmitNewSingleOrder.TIME_IN_FORCE.enumSpec();

    private OrderMessages() {
    }

    /** The 208 to send; throws when a string does not fit its char[N], since truncating would change an id. */
    static SubmitNewSingleOrder submit(OrderRequest r, String id, String account) {
        SubmitNewSingleOrder m = new SubmitNewSingleOrder()
                .setSymbol(r.symbol()).setExchange(r.exchange()).setTradeAccount(account).setClientOrderID(id)
                .setOrderTypeValue((int) ORDER_TYPES.valueOf(r.orderType()))
                .setBuySellValue((int) BUY_SELL.valueOf(r.side().name()))
                .setQuantity(r.quantity())
                .setTimeInForceValue((int) TIMES_IN_FORCE.valueOf(r.timeInForce()));
        if (Double.isFinite(r.price1())) {
            m.setPrice1(r.price1());
        }
        for (FieldSpec f : SubmitNewSingleOrder.SPEC.fields()) {
            if (f.kind() == WireKind.STRING && m.isSet(f) && m.getString(f).length() > f.maxStringLength()) {
                throw new DtcClientException("cannot submit: " + f.name() + " \"" + m.getString(f) + "\" has "
                        + m.getString(f).length() + " characters (at most " + f.maxStringLength() + " fit)");
            }
        }
        return m;
    }

    /** The book's first snapshot of an order: sent, nothing heard yet. */
    static Order sent(OrderRequest r, String id, String account) {
        return new Order(id, "", r.symbol(), r.exchange(), account, r.side(),
                (int) ORDER_TYPES.valueOf(r.orderType()), r.price1(), r.quantity(), 0, r.quantity(),
                Double.NaN, Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0);
    }

    static DtcMessage cancel(Order o) {
        return fits(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", o.serverOrderId())
                .set("ClientOrderID", o.clientOrderId()).set("TradeAccount", o.tradeAccount()));
    }

    static DtcMessage replace(Order o, OrderChange change) {
        DtcMessage m = DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", o.serverOrderId())
                .set("ClientOrderID", o.clientOrderId()).set("TradeAccount", o.tradeAccount());
        // Price1IsSet and Price2IsSet default to 1: a price left out must say so, or it would become 0.
        m.set("Price1IsSet", Double.isFinite(change.price1()) ? 1 : 0);
        m.set("Price2IsSet", Double.isFinite(change.price2()) ? 1 : 0);
        if (Double.isFinite(change.price1())) {
            m.set("Price1", change.price1());
        }
        if (Double.isFinite(change.price2())) {
            m.set("Price2", change.price2());
        }
        if (change.quantity() > 0) {
            m.set("Quantity", change.quantity());
        }
        if (change.timeInForce() != null) {
            m.setEnum("TimeInForce", change.timeInForce());
        }
        return fits(m);
    }

    static DtcMessage oco(OrderRequest first, String firstId, OrderRequest second, String secondId, String account) {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", first.symbol()).set("Exchange", first.exchange())
                .set("TradeAccount", account).setEnum("TimeInForce", first.timeInForce())
                .set("ClientOrderID_1", firstId).setEnum("OrderType_1", first.orderType())
                .setEnum("BuySell_1", first.side().name()).set("Quantity_1", first.quantity())
                .set("ClientOrderID_2", secondId).setEnum("OrderType_2", second.orderType())
                .setEnum("BuySell_2", second.side().name()).set("Quantity_2", second.quantity());
        if (Double.isFinite(first.price1())) {
            m.set("Price1_1", first.price1());
        }
        if (Double.isFinite(second.price1())) {
            m.set("Price1_2", second.price1());
        }
        return fits(m);
    }

    static DtcMessage flatten(String symbol, String exchange, String account, String clientOrderId) {
        return fits(DtcMessage.of("SUBMIT_FLATTEN_POSITION_ORDER").set("Symbol", symbol).set("Exchange", exchange)
                .set("TradeAccount", account).set("ClientOrderID", clientOrderId));
    }

    /** Throws when a string does not fit its char[N], since truncating would change an id. */
    static DtcMessage fits(DtcMessage m) {
        for (FieldSpec f : m.spec().fields()) {
            if (f.kind() == WireKind.STRING && m.isSet(f.name()) && m.getString(f.name()).length() > f.maxStringLength()) {
                throw new DtcClientException("cannot send " + m.name() + ": " + f.name() + " \"" + m.getString(f.name())
                        + "\" has " + m.getString(f.name()).length() + " characters (at most " + f.maxStringLength() + " fit)");
            }
        }
        return m;
    }
}
