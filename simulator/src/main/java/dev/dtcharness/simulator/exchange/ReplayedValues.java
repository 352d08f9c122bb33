package dev.dtcharness.simulator.exchange;

import java.util.Map;

/**
 * The judgement of {@link MarketValues} for what a state directory brings back: a file written before
 * the exchange refused such values (an order priced {@code 1e400} in JSON, filled at Infinity) must not
 * put them back into the exchange, where every answer carrying them would be dropped by the outbound
 * guard and leave its request unanswered. Each check throws, so the store skips the whole event with a
 * warning naming its line, and the events after it still apply.
 */
final class ReplayedValues {
    private ReplayedValues() {
    }

    static void check(StoredOrder o) {
        refuse("order " + o.serverOrderId(), MarketValues.quantityProblem("quantity", o.quantity()),
                MarketValues.optionalPriceProblem("price1", o.price1()),
                MarketValues.optionalPriceProblem("price2", o.price2()),
                MarketValues.nonFiniteProblem("filled", o.filled()),
                MarketValues.nonFiniteProblem("averagePrice", o.averagePrice()));
    }

    static void check(Fill f) {
        refuse("fill " + f.executionId(), MarketValues.quantityProblem("quantity", f.quantity()),
                MarketValues.priceProblem("price", f.price()),
                MarketValues.nonFiniteProblem("positionAfter", f.positionAfter()));
    }

    static void check(String account, double realisedPnl, Map<String, Position> positions) {
        refuse("account " + account, MarketValues.nonFiniteProblem("realised profit", realisedPnl));
        positions.forEach((symbol, p) -> refuse("account " + account + " " + symbol,
                MarketValues.nonFiniteProblem("position", p.quantity()),
                MarketValues.nonFiniteProblem("average price", p.averagePrice())));
    }

    private static void refuse(String what, String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                throw new IllegalArgumentException(what + ": " + problem);
            }
        }
    }
}
