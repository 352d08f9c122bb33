package dev.dtcharness.client.internal.order;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.OrderUpdateView;
import java.util.List;

/**
 * Folds one ORDER_UPDATE (301) into an {@link Order} snapshot, copying only what the update really
 * sets: a field absent from JSON, an empty string, a zero enum or a DBL_MAX number means "not
 * set" (FACTS 1.1, 4.11), so it leaves the snapshot's value alone. The status comes from the
 * {@link OrderStateMachine}; the quantities from the order's counted fills as well as the server.
 */
final class OrderFolding {
    private static final double EPSILON = 1e-9;

    private OrderFolding() {
    }

    static Order apply(Order before, OrderUpdateView u, int status) {
        Side side = Side.ofCode(u.buySellValue());
        return new Order(
                // ClientOrderID must not change for the life of an order; only an unknown order learns it here.
                before.clientOrderId().isEmpty() ? u.clientOrderID() : before.clientOrderId(),
                text(u.serverOrderID(), before.serverOrderId()),
                text(u.symbol(), before.symbol()),
                text(u.exchange(), before.exchange()),
                text(u.tradeAccount(), before.tradeAccount()),
                side != null ? side : before.side(),
                code(u.orderTypeValue(), before.orderType()),
                number(u.price1(), before.price1()),
                number(u.orderQuantity(), before.orderQuantity()),
                number(u.filledQuantity(), before.filledQuantity()),
                number(u.remainingQuantity(), before.remainingQuantity()),
                number(u.averageFillPrice(), before.averageFillPrice()),
                number(u.lastFillPrice(), before.lastFillPrice()),
                number(u.lastFillQuantity(), before.lastFillQuantity()),
                text(u.lastFillExecutionID(), before.lastFillExecutionId()),
                status,
                code(u.orderUpdateReasonValue(), before.lastReason()),
                text(u.infoText(), before.infoText()),
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
    static Fill fillIn(OrderUpdateView u, Order before, Order after) {
        int reason = u.orderUpdateReasonValue();
        String executionId = u.lastFillExecutionID();
        double lastQuantity = number(u.lastFillQuantity(), 0);
        boolean fillReason = reason == OrderUpdateReason.ORDER_FILLED.value() || reason == OrderUpdateReason.ORDER_FILLED_PARTIALLY.value();
        if (!fillReason && (executionId.isEmpty() || !(lastQuantity > 0))) {
            return null;
        }
        double serverFilled = number(u.filledQuantity(), before.filledQuantity());
        double quantity = lastQuantity > 0 ? lastQuantity : serverFilled - before.filledQuantity();
        if (!(quantity > 0)) {
            return null;
        }
        double price = number(u.lastFillPrice(), number(u.averageFillPrice(), Double.NaN));
        String id = executionId.isEmpty() ? after.serverOrderId() + "@" + strip(serverFilled) : executionId;
        return new Fill(id, after.serverOrderId(), after.clientOrderId(), after.symbol(), after.tradeAccount(),
                after.side(), quantity, price, DtcTimes.millis(u.lastFillDateTime()), "ORDER_UPDATE");
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

    /** An ending the client decided (no ORDER_UPDATE said it): status and InfoText, and the ServerOrderID when one is given. */
    static Order ended(Order o, String serverOrderId, int status, String why) {
        return new Order(o.clientOrderId(), serverOrderId.isEmpty() ? o.serverOrderId() : serverOrderId, o.symbol(),
                o.exchange(), o.tradeAccount(), o.side(), o.orderType(), o.price1(), o.orderQuantity(), o.filledQuantity(),
                o.remainingQuantity(), o.averageFillPrice(), o.lastFillPrice(), o.lastFillQuantity(),
                o.lastFillExecutionId(), status, o.lastReason(), why, o.updateCount());
    }

    /** Equal as stored, NaN included (NaN marks a price not known yet). */
    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    // The typed accessors read the same slots the field handles did: an unset field reads its spec default,
    // "" for text, 0 for an enum, DBL_MAX for a number, each of which means "not said" here (FACTS 1.1, 4.11).
    static String text(String v, String otherwise) {
        return v.isEmpty() ? otherwise : v;
    }

    /** Zero is the UNSET/UNSPECIFIED constant of every enum read here. */
    static int code(int v, int otherwise) {
        return v == 0 ? otherwise : v;
    }

    static double number(double v, double otherwise) {
        return v == Double.MAX_VALUE || !Double.isFinite(v) ? otherwise : v;
    }
}
