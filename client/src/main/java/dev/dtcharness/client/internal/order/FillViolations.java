package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.ProtocolViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book's judgement of what a server's fills say, once they are applied: a fill without a price, one
 * execution id with two contents, an order filled beyond its quantity. Each is a protocol violation named
 * with the order and the fields and counted; the book has already decided what is counted.
 */
final class FillViolations {
    /** The book's logger: operators find these lines where the book's other lines are. */
    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);

    private final ProblemCounter problems;
    /**
     * Where the first version of a repeated execution id is found when the order in memory does not hold
     * it (another order's, or one forgotten): the history database when there is one; else nothing.
     */
    private volatile Function<String, Fill> earlierFills = id -> null;

    FillViolations(ProblemCounter problems) {
        this.problems = problems;
    }

    void earlierFills(Function<String, Fill> lookup) {
        this.earlierFills = lookup;
    }

    /** The protocol violations an applied change shows: a fill without a price, one execution id with two contents, an overfill. */
    void judge(AppliedUpdate a, Fill withoutPrice, Fill repeated, String source) {
        if (withoutPrice != null) {
            problems.violation(log, ProtocolViolation.FILL_WITHOUT_PRICE, true, "order {}: {} reports fill {} of {} without"
                    + " a price (neither LastFillPrice nor AverageFillPrice set): not counted; no fill listener, history row or"
                    + " position sees it", a.after().describe(), source, withoutPrice.executionId(), number(withoutPrice.quantity()));
        }
        if (repeated != null) {
            conflicts(a.order(), repeated, source);
        }
        if (a.after() != null && a.before() != null) {
            overfill(a.before(), a.after(), a.newFill());
        }
    }

    /** A repeated execution id is a harmless duplicate when it says what the first said; otherwise a violation naming both. */
    void conflicts(TrackedOrder order, Fill again, String source) {
        Fill first = order == null ? null : order.fill(again.executionId());
        boolean sameOrder = first != null;
        if (first == null) {
            first = earlierFills.apply(again.executionId());
            sameOrder = first != null && order != null && (order.hadServerOrderId(first.serverOrderId())
                    || (!first.clientOrderId().isEmpty() && first.clientOrderId().equals(order.current().clientOrderId())));
        }
        if (first == null) {
            return;
        }
        List<String> differs = new ArrayList<>(0);
        if (!sameNumber(first.quantity(), again.quantity())) {
            differs.add("quantity");
        }
        if (!sameNumber(first.price(), again.price())) {
            differs.add("price");
        }
        if (first.side() != null && again.side() != null && first.side() != again.side()) {
            differs.add("side");
        }
        if (!first.symbol().isEmpty() && !again.symbol().isEmpty() && !first.symbol().equals(again.symbol())) {
            differs.add("symbol");
        }
        if (!sameOrder && order != null) {
            differs.add("order");
        }
        if (differs.isEmpty()) {
            return;
        }
        problems.violation(log, ProtocolViolation.CONFLICTING_EXECUTION, true, "execution {} came again in {} with another {}:"
                + " first {}, now {}; the first stays counted, the second is not", again.executionId(), source,
                String.join(", ", differs), version(first), version(again));
    }

    private static String version(Fill f) {
        return f.side() + " " + number(f.quantity()) + " " + (f.symbol().isEmpty() ? "-" : f.symbol()) + " at " + f.price()
                + " for order " + dash(f.clientOrderId()) + "/" + dash(f.serverOrderId()) + " (" + f.source() + ")";
    }

    /** Flagged when a change takes the order beyond its quantity, and again for each further fill beyond it. */
    private void overfill(Order before, Order after, Fill newFill) {
        double quantity = after.orderQuantity();
        if (!(quantity > 0) || after.filledQuantity() <= quantity + 1e-9
                || (newFill == null && before.filledQuantity() > quantity + 1e-9)) {
            return;
        }
        problems.violation(log, ProtocolViolation.OVERFILL, true, "order {}: FilledQuantity {} is beyond OrderQuantity {}{};"
                + " counted as the server reports it (it says the fill happened): the position and the history include it",
                after.describe(), number(after.filledQuantity()), number(quantity),
                newFill == null ? " (no new fill in this update)" : " after fill " + newFill.executionId() + " of "
                        + number(newFill.quantity()) + " at " + newFill.price());
    }

    private static boolean sameNumber(double a, double b) {
        return Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String dash(String id) {
        return id.isEmpty() ? "-" : id;
    }
}
