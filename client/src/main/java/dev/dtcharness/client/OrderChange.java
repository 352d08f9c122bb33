package dev.dtcharness.client;

/**
 * What a CANCEL_REPLACE_ORDER (204) changes: NaN prices and a zero quantity mean "keep"; the
 * quantity is the new total, filled part included (FACTS 3.2 G).
 *
 * @param timeInForce TimeInForceEnum constant, or null to keep
 */
public record OrderChange(double price1, double price2, double quantity, String timeInForce) {

    public static OrderChange price(double price1) {
        return new OrderChange(price1, Double.NaN, 0, null);
    }

    public static OrderChange quantity(double total) {
        return new OrderChange(Double.NaN, Double.NaN, total, null);
    }

    public OrderChange withPrice(double p) {
        return new OrderChange(p, price2, quantity, timeInForce);
    }

    public OrderChange withPrice2(double p) {
        return new OrderChange(price1, p, quantity, timeInForce);
    }

    public OrderChange withQuantity(double total) {
        return new OrderChange(price1, price2, total, timeInForce);
    }

    public OrderChange withTimeInForce(String tif) {
        return new OrderChange(price1, price2, quantity, tif);
    }
}
