package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;

/**
 * One order the exchange knows, working or finished. Built from the SUBMIT_NEW_SINGLE_ORDER (or
 * an OCO leg, a flatten, an order placed elsewhere) that created it; touched only on the exchange thread.
 */
final class Order {
    static final int ELSEWHERE = 0;

    final DtcMessage request;
    /** Read from the request once: every update of the order asks. */
    private final boolean market;
    final String exchange;
    final int ownerSession;
    final long receivedMillis;
    final String clientOrderId;
    final String account;
    final String symbol;
    final boolean buy;
    final double marketPrice;
    String serverOrderId;
    String previousServerOrderId = "";
    String ocoLinked = "";
    long partialFillHandling;
    double quantity;
    double price1;
    double price2;
    long timeInForce;
    double filled;
    double averagePrice;
    String status = "NEW";

    Order(DtcMessage request, String serverOrderId, int ownerSession, long receivedMillis, double marketPrice) {
        this.request = request;
        this.serverOrderId = serverOrderId;
        this.ownerSession = ownerSession;
        this.receivedMillis = receivedMillis;
        this.clientOrderId = request.getString("ClientOrderID");
        this.account = request.getString("TradeAccount");
        this.symbol = request.getString("Symbol");
        this.buy = request.enumName("BuySell").equals("BUY");
        this.marketPrice = marketPrice;
        this.quantity = request.getDouble("Quantity");
        this.price1 = request.getDouble("Price1");
        this.price2 = request.getDouble("Price2");
        this.timeInForce = request.getLong("TimeInForce");
        this.market = request.enumName("OrderType").equals("ORDER_TYPE_MARKET");
        this.exchange = request.getString("Exchange");
    }

    boolean isMarket() {
        return market;
    }

    /** The price a fill without an explicit price happens at: the limit price, or the market's. */
    double defaultFillPrice() {
        return isMarket() || price1 == 0 || price1 == Double.MAX_VALUE ? marketPrice : price1;
    }

    double remaining() {
        return quantity - filled;
    }

    boolean isNew() {
        return status.equals("NEW");
    }

    /** Accepted and neither filled, canceled nor rejected: it can still fill, be canceled or replaced. */
    boolean isWorking() {
        return status.equals("ORDER_STATUS_OPEN") || status.equals("ORDER_STATUS_PARTIALLY_FILLED")
                || status.equals("ORDER_STATUS_PENDING_OPEN");
    }

    String side() {
        return buy ? "BUY" : "SELL";
    }
}
