package dev.dtcharness.client;

import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.EnumSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
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
        ORDER_TYPES.valueOf(orderType);
        TIMES_IN_FORCE.valueOf(timeInForce);
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
    SubmitNewSingleOrder toSubmit(String id, String account) {
        SubmitNewSingleOrder m = new SubmitNewSingleOrder()
                .setSymbol(symbol).setExchange(exchange).setTradeAccount(account).setClientOrderID(id)
                .setOrderTypeValue((int) ORDER_TYPES.valueOf(orderType))
                .setBuySellValue((int) BUY_SELL.valueOf(side.name()))
                .setQuantity(quantity)
                .setTimeInForceValue((int) TIMES_IN_FORCE.valueOf(timeInForce));
        if (Double.isFinite(price1)) {
            m.setPrice1(price1);
        }
        for (FieldSpec f : SubmitNewSingleOrder.SPEC.fields()) {
            if (f.kind() == WireKind.STRING && m.isSet(f) && m.getString(f).length() > f.maxStringLength()) {
                throw new DtcClientException("cannot submit: " + f.name() + " \"" + m.getString(f) + "\" has "
                        + m.getString(f).length() + " characters (at most " + f.maxStringLength() + " fit)");
            }
        }
        return m;
    }

    /** The request names its enums by their spec constants ("ORDER_TYPE_LIMIT"): the spec's tables read them. */
    private static final EnumSpec ORDER_TYPES = SubmitNewSingleOrder.ORDER_TYPE.enumSpec(),
            BUY_SELL = SubmitNewSingleOrder.BUY_SELL.enumSpec(), TIMES_IN_FORCE = SubmitNewSingleOrder.TIME_IN_FORCE.enumSpec();

    /** The book's first snapshot of this order: sent, nothing heard yet. */
    Order toSentOrder(String id, String account) {
        return new Order(id, "", symbol, exchange, account, side,
                (int) ORDER_TYPES.valueOf(orderType), price1, quantity, 0, quantity,
                Double.NaN, Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0);
    }
}
