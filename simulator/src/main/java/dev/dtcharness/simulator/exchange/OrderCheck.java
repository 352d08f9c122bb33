package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.EnumSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;

/** Says in plain words what makes a SUBMIT_NEW_SINGLE_ORDER unacceptable, short enough for InfoText. */
final class OrderCheck {
    private OrderCheck() {
    }

    /** The first problem found, or null when the order can be accepted. */
    static String problem(DtcMessage order) {
        for (FieldSpec f : order.spec().fields()) {
            String tooLong = tooLong(order, f);
            if (tooLong != null) {
                return tooLong;
            }
        }
        if (OrderFields.text(order, OrderFields.CLIENT_ORDER_ID).isEmpty()) {
            return "ClientOrderID is empty (expected: an id of your choice, new for each order)";
        }
        if (OrderFields.text(order, OrderFields.SYMBOL).isEmpty()) {
            return "Symbol is empty (expected: the symbol to trade, e.g. ES)";
        }
        double quantity = OrderFields.number(order, OrderFields.QUANTITY);
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            return "Quantity is " + quantity + " (expected: more than 0)";
        }
        long side = OrderFields.integer(order, OrderFields.BUY_SELL);
        if (side != OrderFields.BUY && side != OrderFields.SELL) {
            EnumSpec e = order.spec().field("BuySell").enumSpec();
            return "BuySell is " + order.getLong("BuySell") + " (expected: BUY = " + e.valueOf("BUY")
                    + " or SELL = " + e.valueOf("SELL") + ")";
        }
        EnumSpec types = OrderFields.ORDER_TYPE.enumSpec();
        String type = types.nameOf(OrderFields.integer(order, OrderFields.ORDER_TYPE));
        if (type == null || type.equals("ORDER_TYPE_UNSET")) {
            return "OrderType is " + order.getLong("OrderType") + " (expected: OrderTypeEnum, e.g. ORDER_TYPE_MARKET = "
                    + types.valueOf("ORDER_TYPE_MARKET") + ", ORDER_TYPE_LIMIT = " + types.valueOf("ORDER_TYPE_LIMIT")
                    + ")";
        }
        return null;
    }

    /** JSON carries strings of any length; the 301 that echoes them cannot. */
    private static String tooLong(DtcMessage order, FieldSpec f) {
        if (f.kind() != WireKind.STRING) {
            return null;
        }
        int length = order.getString(f).length();
        return length <= f.maxStringLength() ? null : f.name() + " is " + length + " characters (expected: at most "
                + f.maxStringLength() + ", " + f.declaration() + ")";
    }
}
