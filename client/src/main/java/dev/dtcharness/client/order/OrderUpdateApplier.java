package dev.dtcharness.client.order;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.util.List;

/**
 * Folds one ORDER_UPDATE (301) into an {@link Order} snapshot, copying only what the update really
 * sets: a field absent from JSON, an empty string, a zero enum or a DBL_MAX number means "not
 * set" (FACTS 1.1, 4.11), so it leaves the snapshot's value alone. The status comes from the
 * {@link OrderStateMachine}; the quantities from the order's counted fills as well as the server.
 */
final class OrderUpdateApplier {
    private static final double EPSILON = 1e-9;

    private OrderUpdateApplier() {
    }

    static Order apply(Order before, DtcMessage u, int status) {
        Side side = Side.ofCode(code(u, UpdateFields.BUY_SELL, 0));
        return new Order(
                // ClientOrderID must not change for the life of an order; only an unknown order learns it here.
                before.clientOrderId().isEmpty() ? text(u, UpdateFields.CLIENT_ORDER_ID, "") : before.clientOrderId(),
                text(u, UpdateFields.SERVER_ORDER_ID, before.serverOrderId()),
                text(u, UpdateFields.SYMBOL, before.symbol()),
                text(u, UpdateFields.EXCHANGE, before.exchange()),
                text(u, UpdateFields.TRADE_ACCOUNT, before.tradeAccount()),
                side != null ? side : before.side(),
                code(u, UpdateFields.ORDER_TYPE, before.orderType()),
                number(u, UpdateFields.PRICE1, before.price1()),
                number(u, UpdateFields.ORDER_QUANTITY, before.orderQuantity()),
                number(u, UpdateFields.FILLED_QUANTITY, before.filledQuantity()),
                number(u, UpdateFields.REMAINING_QUANTITY, before.remainingQuantity()),
                number(u, UpdateFields.AVERAGE_FILL_PRICE, before.averageFillPrice()),
                number(u, UpdateFields.LAST_FILL_PRICE, before.lastFillPrice()),
                number(u, UpdateFields.LAST_FILL_QUANTITY, before.lastFillQuantity()),
                text(u, UpdateFields.LAST_FILL_EXECUTION_ID, before.lastFillExecutionId()),
                status,
                code(u, UpdateFields.ORDER_UPDATE_REASON, before.lastReason()),
                text(u, UpdateFields.INFO_TEXT, before.infoText()),
                before.updateCount() + 1);
    }

    /** The update counted, nothing else changed: what a stale update does. */
    static Order counted(Order before) {
        return with(before, before.filledQuantity(), before.averageFillPrice(), before.status(), before.updateCount() + 1,
                before.lastFillPrice(), before.lastFillQuantity(), before.lastFillExecutionId());
    }

    /**
     * Makes FilledQuantity never go down, agree with the counted fills when they cover it (their VWAP
     * is then the average), and RemainingQuantity = OrderQuantity - FilledQuantity.
     */
    static Order consistent(Order before, Order after, List<Fill> fills, Fill newFill, boolean behind) {
        // Plain loops: this runs for every ORDER_UPDATE, and streams cost five objects a call.
        double counted = 0;
        double notional = 0;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            counted += f.quantity();
            notional += f.quantity() * f.price();
        }
        double filled = Math.max(Math.max(before.filledQuantity(), after.filledQuantity()), counted);
        // An update that is behind the book (it reports less filled) must not move the average or the last fill back.
        double average = behind ? before.averageFillPrice() : after.averageFillPrice();
        if (counted > 0 && counted >= filled - EPSILON) {
            average = notional / counted;
        }
        Order last = behind ? before : after;
        boolean latest = newFill != null && !behind;
        return with(after, filled, average, after.status(), after.updateCount(),
                latest ? newFill.price() : last.lastFillPrice(),
                latest ? newFill.quantity() : last.lastFillQuantity(),
                latest ? newFill.executionId() : last.lastFillExecutionId());
    }

    /** The fill this update reports, or null: by reason, or by a LastFillExecutionID with a quantity. */
    static Fill fillIn(DtcMessage u, Order before, Order after) {
        int reason = code(u, UpdateFields.ORDER_UPDATE_REASON, 0);
        String executionId = text(u, UpdateFields.LAST_FILL_EXECUTION_ID, "");
        double lastQuantity = number(u, UpdateFields.LAST_FILL_QUANTITY, 0);
        boolean fillReason = reason == OrderStatuses.ORDER_FILLED || reason == OrderStatuses.ORDER_FILLED_PARTIALLY;
        if (!fillReason && (executionId.isEmpty() || !(lastQuantity > 0))) {
            return null;
        }
        double serverFilled = number(u, UpdateFields.FILLED_QUANTITY, before.filledQuantity());
        double quantity = lastQuantity > 0 ? lastQuantity : serverFilled - before.filledQuantity();
        if (!(quantity > 0)) {
            return null;
        }
        double price = number(u, UpdateFields.LAST_FILL_PRICE, number(u, UpdateFields.AVERAGE_FILL_PRICE, Double.NaN));
        String id = executionId.isEmpty() ? after.serverOrderId() + "@" + strip(serverFilled) : executionId;
        return new Fill(id, after.serverOrderId(), after.clientOrderId(), after.symbol(), after.tradeAccount(),
                after.side(), quantity, price, DtcTimes.millis(integer(u, UpdateFields.LAST_FILL_DATE_TIME)),
                "ORDER_UPDATE");
    }

    static Order with(Order o, double filled, double average, int status, int updateCount,
                      double lastPrice, double lastQuantity, String lastExecutionId) {
        double remaining = o.orderQuantity() > 0 ? Math.max(0, o.orderQuantity() - filled) : o.remainingQuantity();
        if (same(filled, o.filledQuantity()) && same(average, o.averageFillPrice()) && status == o.status()
                && updateCount == o.updateCount() && same(lastPrice, o.lastFillPrice())
                && same(lastQuantity, o.lastFillQuantity()) && lastExecutionId.equals(o.lastFillExecutionId())
                && same(remaining, o.remainingQuantity())) {
            // Most updates are already consistent: the snapshot is immutable, so it serves as it is.
            return o;
        }
        return new Order(o.clientOrderId(), o.serverOrderId(), o.symbol(), o.exchange(), o.tradeAccount(), o.side(),
                o.orderType(), o.price1(), o.orderQuantity(), filled, remaining, average, lastPrice, lastQuantity,
                lastExecutionId, status, o.lastReason(), o.infoText(), updateCount);
    }

    /** Equal as stored, NaN included (NaN marks a price not known yet). */
    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    // Field handles (UpdateFields), not names, and one call per read: these run about twenty times per ORDER_UPDATE.
    static String text(DtcMessage u, FieldSpec field, String otherwise) {
        String v = u.stringIfSet(field, "");
        return v.isEmpty() ? otherwise : v;
    }

    /** Zero is the UNSET/UNSPECIFIED constant of every enum read here. */
    static int code(DtcMessage u, FieldSpec field, int otherwise) {
        long v = u.longIfSet(field, 0);
        return v == 0 ? otherwise : (int) v;
    }

    /** A whole number, 0 when not set. */
    static long integer(DtcMessage u, FieldSpec field) {
        return u.longIfSet(field, 0);
    }

    static double number(DtcMessage u, FieldSpec field, double otherwise) {
        double v = u.doubleIfSet(field, otherwise);
        return v == Double.MAX_VALUE || !Double.isFinite(v) ? otherwise : v;
    }
}
