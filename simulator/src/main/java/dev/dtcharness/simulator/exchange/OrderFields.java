package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;

/**
 * Handles on the SUBMIT_NEW_SINGLE_ORDER fields the exchange reads from every order it takes: a read by
 * name costs a hash lookup of the name, and these run several times per order. Read with {@link #text},
 * {@link #integer} and {@link #number}, which also serve an order request of another type by name.
 */
final class OrderFields {
    private static final MessageSpec ORDER = DtcSpec.v8().message("SUBMIT_NEW_SINGLE_ORDER");

    static final FieldSpec CLIENT_ORDER_ID = ORDER.field("ClientOrderID"), TRADE_ACCOUNT = ORDER.field("TradeAccount"),
            SYMBOL = ORDER.field("Symbol"), EXCHANGE = ORDER.field("Exchange"), BUY_SELL = ORDER.field("BuySell"),
            ORDER_TYPE = ORDER.field("OrderType"), QUANTITY = ORDER.field("Quantity"), PRICE1 = ORDER.field("Price1"),
            PRICE2 = ORDER.field("Price2"), TIME_IN_FORCE = ORDER.field("TimeInForce"),
            GOOD_TILL = ORDER.field("GoodTillDateTime"), OPEN_OR_CLOSE = ORDER.field("OpenOrClose"),
            FREE_FORM_TEXT = ORDER.field("FreeFormText");

    static final long BUY = BUY_SELL.enumSpec().valueOf("BUY"), SELL = BUY_SELL.enumSpec().valueOf("SELL");
    static final long MARKET = ORDER_TYPE.enumSpec().valueOf("ORDER_TYPE_MARKET");

    private OrderFields() {
    }

    static String text(DtcMessage m, FieldSpec f) {
        return m.getString(m.spec().field(f));
    }

    static long integer(DtcMessage m, FieldSpec f) {
        return m.getLong(m.spec().field(f));
    }

    static double number(DtcMessage m, FieldSpec f) {
        return m.getDouble(m.spec().field(f));
    }
}
