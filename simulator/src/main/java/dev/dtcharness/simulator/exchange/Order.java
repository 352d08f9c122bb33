package dev.dtcharness.simulator.exchange;

import static dev.dtcharness.simulator.exchange.OrderFields.*;

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
    /** Links in the exchange's chain of working orders ({@link OrderTable}). */
    boolean listedWorking;
    Order olderWorking;
    Order newerWorking;

    Order(DtcMessage request, String serverOrderId, int ownerSession, long receivedMillis, double marketPrice) {
        this.request = request;
        this.serverOrderId = serverOrderId;
        this.ownerSession = ownerSession;
        this.receivedMillis = receivedMillis;
        this.clientOrderId = text(request, CLIENT_ORDER_ID);
        this.account = text(request, TRADE_ACCOUNT);
        this.symbol = text(request, SYMBOL);
        this.buy = integer(request, BUY_SELL) == OrderFields.BUY;
        this.marketPrice = marketPrice;
        this.quantity = number(request, QUANTITY);
        this.price1 = number(request, PRICE1);
        this.price2 = number(request, PRICE2);
        this.timeInForce = integer(request, TIME_IN_FORCE);
        this.market = integer(request, ORDER_TYPE) == OrderFields.MARKET;
        this.exchange = text(request, EXCHANGE);
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
