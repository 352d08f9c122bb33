package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;

/**
 * One order the exchange knows, working or finished. Built from the SUBMIT_NEW_SINGLE_ORDER (or
 * an OCO leg, a flatten, an order placed elsewhere) that created it, which it keeps as its own;
 * touched only on the exchange thread.
 */
final class Order {
    static final int ELSEWHERE = 0;

    final SubmitNewSingleOrder request;
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
    /** Null while the order is new: neither accepted nor rejected yet. */
    OrderStatus status;
    /** Links in the exchange's chain of working orders ({@link OrderTable}). */
    boolean listedWorking;
    Order olderWorking;
    Order newerWorking;

    Order(SubmitNewSingleOrder request, String serverOrderId, int ownerSession, long receivedMillis, double marketPrice) {
        this.request = request;
        this.serverOrderId = serverOrderId;
        this.ownerSession = ownerSession;
        this.receivedMillis = receivedMillis;
        this.clientOrderId = request.clientOrderID();
        this.account = request.tradeAccount();
        this.symbol = request.symbol();
        this.buy = request.buySellValue() == BuySell.BUY.value();
        this.marketPrice = marketPrice;
        this.quantity = request.quantity();
        this.price1 = request.price1();
        this.price2 = request.price2();
        this.timeInForce = request.timeInForceValue();
        this.market = request.orderTypeValue() == OrderType.MARKET.value();
        this.exchange = request.exchange();
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
        return status == null;
    }

    /** Accepted and neither filled, canceled nor rejected: it can still fill, be canceled or replaced. */
    boolean isWorking() {
        return status == OrderStatus.OPEN || status == OrderStatus.PARTIALLY_FILLED
                || status == OrderStatus.PENDING_OPEN;
    }

    /** The status as the spec names it ("ORDER_STATUS_OPEN"), or "NEW": what a store and a snapshot say. */
    String statusName() {
        return status == null ? NEW : status.specName();
    }

    /** The status from {@link #statusName()}; an unknown name is refused. */
    static OrderStatus statusNamed(String name) {
        if (NEW.equals(name)) {
            return null;
        }
        for (OrderStatus s : OrderStatus.values()) {
            if (s.specName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status \"" + name + "\" is no OrderStatusEnum constant nor NEW");
    }

    private static final String NEW = "NEW";

    String side() {
        return buy ? "BUY" : "SELL";
    }
}
