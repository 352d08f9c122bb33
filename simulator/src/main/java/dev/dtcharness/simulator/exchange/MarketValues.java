package dev.dtcharness.simulator.exchange;

/**
 * The quantities and prices a market can have, and the one judgement of them that every value
 * entering the exchange passes (orders from sessions, the Java and admin APIs, scenario fills), so
 * that nothing NaN, infinite or absurd is ever booked or sent. Each check returns a sentence short
 * enough for InfoText, or null; a value that passes costs no allocation.
 *
 * <p>The bounds lie far beyond what markets trade in one order or quote as a price: the dearest
 * listed share (Berkshire Hathaway A) is below 10^6 dollars, below 10^8 even in a native price
 * format a hundred times finer (DisplayPriceMultiplier, FACTS.md 3.1), and the most traded futures
 * count their open interest in millions of contracts. Quantity times price, the profit and loss
 * arithmetic, then stays at most 10^18, far from overflowing a double.
 */
public final class MarketValues {
    /** The largest order quantity accepted: 1,000,000,000. */
    public static final double MAX_QUANTITY = 1e9;
    /** The largest price accepted, 1,000,000,000; the smallest is 0. */
    public static final double MAX_PRICE = 1e9;
    /** C's DBL_MAX: what DTC's binary structs hold in a double that is not set (FACTS.md 3.1, 4.11). */
    static final double UNSET = Double.MAX_VALUE;

    private MarketValues() {
    }

    /** A quantity that must be given: more than 0 and at most {@link #MAX_QUANTITY}. */
    public static String quantityProblem(String field, double quantity) {
        if (quantity > 0 && quantity <= MAX_QUANTITY) {
            return null;
        }
        return field + " is " + shown(quantity) + " (expected: more than 0, at most 1e9)";
    }

    /** A price that must be given: at least 0 and at most {@link #MAX_PRICE}. */
    public static String priceProblem(String field, double price) {
        if (price >= 0 && price <= MAX_PRICE) {
            return null;
        }
        return field + " is " + shown(price) + " (expected: a price of at least 0, at most 1e9)";
    }

    /** A price that may be left out: 0 or DBL_MAX (not set), else as {@link #priceProblem}. */
    static String optionalPriceProblem(String field, double price) {
        return price == 0 || price == UNSET ? null : priceProblem(field, price);
    }

    /** Any other floating-point value of a request: it may be anything but NaN or an infinity. */
    static String nonFiniteProblem(String field, double value) {
        return Double.isFinite(value) ? null : field + " is " + shown(value) + " (expected: a finite number)";
    }

    /** How a refused value reads in InfoText: DBL_MAX named, since the client may not know it means "not set". */
    static String shown(double value) {
        return value == UNSET ? "DBL_MAX, i.e. not set" : Double.toString(value);
    }
}
