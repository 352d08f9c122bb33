package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.EnumSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;

/**
 * Says in plain words what makes a SUBMIT_NEW_SINGLE_ORDER unacceptable, short enough for InfoText:
 * every new order passes here (single, OCO leg, flatten, placed elsewhere), its values judged by
 * {@link MarketValues}. The trade account is the engine's to judge ({@link Accounts#problem}).
 */
final class OrderCheck {
    private static final EnumSpec TYPES = OrderFields.ORDER_TYPE.enumSpec();
    private static final long MARKET_LIMIT = TYPES.valueOf("ORDER_TYPE_MARKET_LIMIT");
    private static final long STOP_LIMIT = TYPES.valueOf("ORDER_TYPE_STOP_LIMIT");

    private OrderCheck() {
    }

    /** The first problem found, or null when the order can be accepted. */
    static String problem(DtcMessage order) {
        String fields = fieldsProblem(order);
        if (fields != null) {
            return fields;
        }
        if (OrderFields.text(order, OrderFields.CLIENT_ORDER_ID).isEmpty()) {
            return "ClientOrderID is empty (expected: an id of your choice, new for each order)";
        }
        return valuesProblem(order);
    }

    /** As {@link #problem}, for an order placed elsewhere (the Java or admin API): it has no ClientOrderID. */
    static String elsewhereProblem(DtcMessage order) {
        String fields = fieldsProblem(order);
        return fields != null ? fields : valuesProblem(order);
    }

    /** Strings that fit the 301 that echoes them, and no floating-point field NaN or infinite. */
    private static String fieldsProblem(DtcMessage order) {
        // Indexed, not an iterator: every order passes here.
        java.util.List<FieldSpec> fields = order.spec().fields();
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

    private static String valuesProblem(DtcMessage order) {
        if (OrderFields.text(order, OrderFields.SYMBOL).isEmpty()) {
            return "Symbol is empty (expected: the symbol to trade, e.g. ES)";
        }
        String quantity = MarketValues.quantityProblem("Quantity", OrderFields.number(order, OrderFields.QUANTITY));
        if (quantity != null) {
            return quantity;
        }
        long side = OrderFields.integer(order, OrderFields.BUY_SELL);
        if (side != OrderFields.BUY && side != OrderFields.SELL) {
            EnumSpec e = order.spec().field("BuySell").enumSpec();
            return "BuySell is " + order.getLong("BuySell") + " (expected: BUY = " + e.valueOf("BUY")
                    + " or SELL = " + e.valueOf("SELL") + ")";
        }
        long typeValue = OrderFields.integer(order, OrderFields.ORDER_TYPE);
        String type = TYPES.nameOf(typeValue);
        if (type == null || type.equals("ORDER_TYPE_UNSET")) {
            return "OrderType is " + order.getLong("OrderType") + " (expected: OrderTypeEnum, e.g. ORDER_TYPE_MARKET = "
                    + TYPES.valueOf("ORDER_TYPE_MARKET") + ", ORDER_TYPE_LIMIT = " + TYPES.valueOf("ORDER_TYPE_LIMIT")
                    + ")";
        }
        String prices = prices(order, typeValue, type);
        if (prices != null) {
            return prices;
        }
        return timeInForceProblem(OrderFields.integer(order, OrderFields.TIME_IN_FORCE));
    }

    /**
     * Price1 is the limit or trigger price of every type but a market order (and a market-limit one,
     * which takes its limit from the fill); a stop-limit order's limit is Price2. A price the type
     * needs must be given (DBL_MAX means not set, FACTS.md 3.1); one it does not need may be left out.
     */
    private static String prices(DtcMessage order, long type, String typeName) {
        boolean needsPrice1 = type != OrderFields.MARKET && type != MARKET_LIMIT;
        String problem = price(order, OrderFields.PRICE1, needsPrice1, "the price", typeName);
        if (problem != null) {
            return problem;
        }
        return price(order, OrderFields.PRICE2, type == STOP_LIMIT, "the limit price", typeName);
    }

    /** {@code what} and {@code typeName} make the sentence only when there is something to say: no text per order. */
    private static String price(DtcMessage order, FieldSpec handle, boolean needed, String what, String typeName) {
        FieldSpec f = order.spec().field(handle);
        double price = order.getDouble(f);
        if (!needed) {
            return MarketValues.optionalPriceProblem(f.name(), price);
        }
        if (!order.isSet(f)) {
            return f.name() + " is not set (expected: " + what + " of an " + typeName + " order)";
        }
        return MarketValues.priceProblem(f.name(), price);
    }

    /** Any TimeInForceEnum value, TIF_UNSET included where it means "as the exchange decides" or "unchanged". */
    static String timeInForceProblem(long tif) {
        EnumSpec e = OrderFields.TIME_IN_FORCE.enumSpec();
        if (e.nameOf(tif) != null) {
            return null;
        }
        return "TimeInForce is " + tif + " (expected: TimeInForceEnum, e.g. TIF_DAY = " + e.valueOf("TIF_DAY")
                + ", TIF_GOOD_TILL_CANCELED = " + e.valueOf("TIF_GOOD_TILL_CANCELED") + ")";
    }

    /** JSON carries strings of any length; the 301 that echoes them cannot. */
    private static String tooLong(DtcMessage order, FieldSpec f) {
        int length = order.getString(f).length();
        return length <= f.maxStringLength() ? null : f.name() + " is " + length + " characters (expected: at most "
                + f.maxStringLength() + ", " + f.declaration() + ")";
    }
}
