package dev.dtcharness.simulator.exchange;

/**
 * A snapshot of one order for tests and the admin API; {@code status} is the OrderStatusEnum constant,
 * {@code averageFillPrice} 0 until something filled.
 */
public record OrderView(String serverOrderId, String clientOrderId, String tradeAccount, String symbol, String side,
                        double quantity, double filledQuantity, double price1, String status, String ocoLinkedServerOrderId,
                        double averageFillPrice) {

    static OrderView of(Order o) {
        return new OrderView(o.serverOrderId, o.clientOrderId, o.account, o.symbol, o.side(), o.quantity, o.filled,
                o.price1, o.statusName(), o.ocoLinked, o.filled > 0 ? o.averagePrice : 0);
    }
}
