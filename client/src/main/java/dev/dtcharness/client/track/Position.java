package dev.dtcharness.client.track;

/**
 * One account's position in one symbol, built from fills at average cost.
 *
 * @param quantity     signed: positive long, negative short
 * @param averagePrice of the open quantity; NaN when flat
 * @param realisedPnl  closed quantity times (exit - entry), in price points: no contract multiplier
 */
public record Position(String tradeAccount, String symbol, double quantity, double averagePrice, double realisedPnl) {

    public static Position flat(String tradeAccount, String symbol) {
        return new Position(tradeAccount, symbol, 0, Double.NaN, 0);
    }

    /** The position after a fill of {@code signedQuantity} (buy +, sell -) at {@code price}. */
    public Position plus(double signedQuantity, double price) {
        if (signedQuantity == 0) {
            return this;
        }
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
            double size = Math.abs(quantity) + Math.abs(signedQuantity);
            double avg = quantity == 0 ? price : (Math.abs(quantity) * averagePrice + Math.abs(signedQuantity) * price) / size;
            return new Position(tradeAccount, symbol, quantity + signedQuantity, avg, realisedPnl);
        }
        double closing = Math.min(Math.abs(signedQuantity), Math.abs(quantity));
        double realised = realisedPnl + closing * (price - averagePrice) * Math.signum(quantity);
        double after = quantity + signedQuantity;
        if (Math.abs(after) < 1e-9) {
            return new Position(tradeAccount, symbol, 0, Double.NaN, realised);
        }
        // Crossed through flat: what is left was opened at this fill's price.
        double avg = Math.signum(after) == Math.signum(quantity) ? averagePrice : price;
        return new Position(tradeAccount, symbol, after, avg, realised);
    }
}
