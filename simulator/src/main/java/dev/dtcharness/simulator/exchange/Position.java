package dev.dtcharness.simulator.exchange;

/**
 * A net position in one symbol of one trade account: signed quantity (+ long, - short) and the
 * average price of the open quantity, as POSITION_UPDATE reports it.
 */
public record Position(double quantity, double averagePrice) {
    public static final Position FLAT = new Position(0, 0);

    /** The position after a fill of {@code signedQuantity} (+ bought, - sold) at {@code price}. */
    public Position after(double signedQuantity, double price) {
        double total = quantity + signedQuantity;
        if (total == 0) {
            return FLAT;
        }
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
            double cost = Math.abs(quantity) * averagePrice + Math.abs(signedQuantity) * price;
            return new Position(total, cost / Math.abs(total));
        }
        // Reducing keeps the entry price of what is left; crossing through flat opens at the fill price.
        return Math.signum(total) == Math.signum(quantity) ? new Position(total, averagePrice)
                : new Position(total, price);
    }

    /** Profit or loss realised by a fill that reduces this position (0 when it adds to it). */
    public double realisedBy(double signedQuantity, double price) {
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
            return 0;
        }
        double closed = Math.min(Math.abs(quantity), Math.abs(signedQuantity));
        return closed * (price - averagePrice) * Math.signum(quantity);
    }
}
