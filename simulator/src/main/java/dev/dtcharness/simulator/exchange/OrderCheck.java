package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.enums.TimeInForce;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.message.SubmitNewSingleOrderView;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.List;

/**
 * Says in plain words what makes a SUBMIT_NEW_SINGLE_ORDER unacceptable, short enough for InfoText:
 * every new order passes here (single, OCO leg, flatten, placed elsewhere), its values judged by
 * {@link MarketValues}. The trade account is the engine's to judge ({@link Accounts#problem}).
 */
final class OrderCheck {
    private OrderCheck() {
    }

    /** The first problem found, or null when the order can be accepted. */
    static String problem(SubmitNewSingleOrderView order) {
        String fields = fieldsProblem(order);
        if (fields != null) {
            return fields;
        }
        if (order.clientOrderID().isEmpty()) {
            return "ClientOrderID is empty (expected: an id of your choice, new for each order)";
        }
        return valuesProblem(order);
    }

    /** As {@link #problem}, for an order placed elsewhere (the Java or admin API): it has no ClientOrderID. */
    static String elsewhereProblem(SubmitNewSingleOrderView order) {
        String fields = fieldsProblem(order);
        return fields != null ? fields : valuesProblem(order);
    }

    /** Strings that fit the 301 that echoes them, and no floating-point field NaN or infinite. */
    private static String fieldsProblem(SubmitNewSingleOrderView order) {
        // Indexed, not an iterator: every order passes here.
        List<FieldSpec> fields = order.spec().fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            FieldSpec f = fields.get(i);
            String bad = f.kind() == WireKind.STRING ? tooLong(order, f)
                    : f.kind().isFloatingPoint() ? MarketValues.nonFiniteProblem(f.name(), order.getDouble(f)) : null;
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static String valuesProblem(SubmitNewSingleOrderView order) {
        if (order.symbol().isEmpty()) {
            return "Symbol is empty (expected: the symbol to trade, e.g. ES)";
        }
        String quantity = MarketValues.quantityProblem("Quantity", order.quantity());
        if (quantity != null) {
            return quantity;
        }
        // Read whole, not as the int the typed getter gives: a JSON value past 2^31 must not wrap into a valid one.
        long side = order.getLong(SubmitNewSingleOrder.BUY_SELL);
        if (side != BuySell.BUY.value() && side != BuySell.SELL.value()) {
            return "BuySell is " + side + " (expected: BUY = " + BuySell.BUY.value()
                    + " or SELL = " + BuySell.SELL.value() + ")";
        }
        OrderType type = order.orderType();
        if (type == null || type == OrderType.UNSET) {
            return "OrderType is " + order.getLong(SubmitNewSingleOrder.ORDER_TYPE) + " (expected: OrderTypeEnum, e.g. ORDER_TYPE_MARKET = "
                    + OrderType.MARKET.value() + ", ORDER_TYPE_LIMIT = " + OrderType.LIMIT.value() + ")";
        }
        String prices = prices(order, type);
        if (prices != null) {
            return prices;
        }
        return timeInForceProblem(order.getLong(SubmitNewSingleOrder.TIME_IN_FORCE));
    }

    /**
     * Price1 is the limit or trigger price of every type but a market order (and a market-limit one,
     * which takes its limit from the fill); a stop-limit order's limit is Price2. A price the type
     * needs must be given (DBL_MAX means not set, FACTS.md 3.1); one it does not need may be left out.
     */
    private static String prices(SubmitNewSingleOrderView order, OrderType type) {
        boolean needsPrice1 = type != OrderType.MARKET && type != OrderType.MARKET_LIMIT;
        String problem = price(order, SubmitNewSingleOrder.PRICE1, needsPrice1, "the price", type);
        if (problem != null) {
            return problem;
        }
        return price(order, SubmitNewSingleOrder.PRICE2, type == OrderType.STOP_LIMIT, "the limit price", type);
    }

    /** {@code what} and {@code type} make the sentence only when there is something to say: no text per order. */
    private static String price(SubmitNewSingleOrderView order, FieldSpec f, boolean needed, String what,
                                OrderType type) {
        double price = order.getDouble(f);
        if (!needed) {
            return MarketValues.optionalPriceProblem(f.name(), price);
        }
        if (!order.isSet(f)) {
            return f.name() + " is not set (expected: " + what + " of an " + type.specName() + " order)";
        }
        return MarketValues.priceProblem(f.name(), price);
    }

    /** Any TimeInForceEnum value, TIF_UNSET included where it means "as the exchange decides" or "unchanged". */
    static String timeInForceProblem(long tif) {
        if (TimeInForce.of(tif) != null) {
            return null;
        }
        return "TimeInForce is " + tif + " (expected: TimeInForceEnum, e.g. TIF_DAY = " + TimeInForce.DAY.value()
                + ", TIF_GOOD_TILL_CANCELED = " + TimeInForce.GOOD_TILL_CANCELED.value() + ")";
    }

    /** JSON carries strings of any length; the 301 that echoes them cannot. */
    private static String tooLong(SubmitNewSingleOrderView order, FieldSpec f) {
        int length = order.getString(f).length();
        return length <= f.maxStringLength() ? null : f.name() + " is " + length + " characters (expected: at most "
                + f.maxStringLength() + ", " + f.declaration() + ")";
    }
}
