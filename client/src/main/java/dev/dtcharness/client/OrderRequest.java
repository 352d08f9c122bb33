package dev.dtcharness.client;

import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.Objects;

/**
 * What to put in a SUBMIT_NEW_SINGLE_ORDER (208). Start from {@link #limit} or {@link #market};
 * each {@code with…} returns a changed copy. A null ClientOrderID or TradeAccount is filled in by
 * the client (a generated id, the configured account).
 *
 * @param orderType   OrderTypeEnum constant, e.g. "ORDER_TYPE_LIMIT"
 * @param price1      NaN for a market order
 * @param timeInForce TimeInForceEnum constant, "TIF_DAY" unless changed
 */
public record OrderRequest(String symbol, Side side, double quantity, String orderType, double price1,
                           String clientOrderId, String tradeAccount, String exchange, String timeInForce) {

    public OrderRequest {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("an order needs a Symbol");
        }
        Objects.requireNonNull(side, "side");
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("order quantity must be positive, was " + quantity);
        }
        // Checked against the spec now, so a typo fails where it was made rather than at the server.
        ORDER_TYPE.enumSpec().valueOf(orderType);
        TIME_IN_FORCE.enumSpec().valueOf(timeInForce);
        if (orderType.equals("ORDER_TYPE_LIMIT") && !Double.isFinite(price1)) {
            throw new IllegalArgumentException("a limit order needs a price, was " + price1);
        }
        exchange = exchange == null ? "" : exchange;
    }

    public static OrderRequest limit(String symbol, Side side, double quantity, double price) {
        return new OrderRequest(symbol, side, quantity, "ORDER_TYPE_LIMIT", price, null, null, "", "TIF_DAY");
    }

    public static OrderRequest market(String symbol, Side side, double quantity) {
        return new OrderRequest(symbol, side, quantity, "ORDER_TYPE_MARKET", Double.NaN, null, null, "", "TIF_DAY");
    }

    public OrderRequest withClientOrderId(String id) {
        return new OrderRequest(symbol, side, quantity, orderType, price1, id, tradeAccount, exchange, timeInForce);
    }

    public OrderRequest withTradeAccount(String account) {
        return new OrderRequest(symbol, side, quantity, orderType, price1, clientOrderId, account, exchange, timeInForce);
    }

    public OrderRequest withExchange(String ex) {
        return new OrderRequest(symbol, side, quantity, orderType, price1, clientOrderId, tradeAccount, ex, timeInForce);
    }

    public OrderRequest withTimeInForce(String tif) {
        return new OrderRequest(symbol, side, quantity, orderType, price1, clientOrderId, tradeAccount, exchange, tif);
    }

    /** The 208 to send; throws when a string does not fit its char[N], since truncating would change an id. */
    DtcMessage toSubmit(String id, String account) {
        // Through the spec's field handles: an app thread builds one of these per order.
        DtcMessage m = DtcMessage.of(SUBMIT)
                .set(SYMBOL, symbol).set(EXCHANGE, exchange).set(ACCOUNT, account).set(CLIENT_ORDER_ID, id)
                .set(ORDER_TYPE, ORDER_TYPE.enumSpec().valueOf(orderType))
                .set(BUY_SELL, BUY_SELL.enumSpec().valueOf(side.name()))
                .set(QUANTITY, quantity)
                .set(TIME_IN_FORCE, TIME_IN_FORCE.enumSpec().valueOf(timeInForce));
        if (Double.isFinite(price1)) {
            m.set(PRICE1, price1);
        }
        for (FieldSpec f : SUBMIT.fields()) {
            if (f.kind() == WireKind.STRING && m.isSet(f) && m.getString(f).length() > f.maxStringLength()) {
                throw new DtcClientException("cannot submit: " + f.name() + " \"" + m.getString(f) + "\" has "
                        + m.getString(f).length() + " characters (at most " + f.maxStringLength() + " fit)");
            }
        }
        return m;
    }

    private static final MessageSpec SUBMIT = DtcSpec.v8().message("SUBMIT_NEW_SINGLE_ORDER");
    private static final FieldSpec SYMBOL = SUBMIT.field("Symbol"), EXCHANGE = SUBMIT.field("Exchange"),
            ACCOUNT = SUBMIT.field("TradeAccount"), CLIENT_ORDER_ID = SUBMIT.field("ClientOrderID"),
            ORDER_TYPE = SUBMIT.field("OrderType"), BUY_SELL = SUBMIT.field("BuySell"),
            QUANTITY = SUBMIT.field("Quantity"), TIME_IN_FORCE = SUBMIT.field("TimeInForce"),
            PRICE1 = SUBMIT.field("Price1");

    /** The book's first snapshot of this order: sent, nothing heard yet. */
    Order toSentOrder(String id, String account) {
        return new Order(id, "", symbol, exchange, account, side,
                (int) ORDER_TYPE.enumSpec().valueOf(orderType), price1, quantity, 0, quantity,
                Double.NaN, Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0);
    }
}
