package dev.dtcharness.client;

import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.EnumSpec;
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

    /** The request names its enums by their spec constants ("ORDER_TYPE_LIMIT"): the spec's tables read them. */
    private static final EnumSpec ORDER_TYPES = SubmitNewSingleOrder.ORDER_TYPE.enumSpec(),
            TIMES_IN_FORCE = SubmitNewSingleOrder.TIME_IN_FORCE.enumSpec();
}
