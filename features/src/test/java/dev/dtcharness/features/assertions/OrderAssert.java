package dev.dtcharness.features.assertions;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.spec.DtcSpec;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a client's order snapshot, in a trader's words; a failure names the order and says
 * what it was: "Expected order DH1-3/S7 to be FILLED, but it was OPEN (DH1-3/S7 OPEN (GENERAL_ORDER_UPDATE), filled 0 of 1)".
 * Quantities and prices compare exactly, as the wire carries them.
 */
public class OrderAssert extends AbstractObjectAssert<OrderAssert, Order> {
    private static final String STATUS_PREFIX = "ORDER_STATUS_";

    public OrderAssert(Order actual) {
        super(actual, OrderAssert.class);
    }

    /** The order is in this OrderStatusEnum state, named in full ("ORDER_STATUS_FILLED") or short ("FILLED"). */
    public OrderAssert hasStatus(String status) {
        isNotNull();
        String expected = shortStatus(status);
        // A misspelt status is a mistake in the test, not a finding about the order.
        DtcSpec.v8().enumValue("OrderStatusEnum", STATUS_PREFIX + expected);
        String was = shortStatus(actual.statusName());
        if (!was.equals(expected)) {
            failWithMessage("Expected order %s to be %s, but it was %s (%s)", id(), expected, was, actual.describe());
        }
        return myself;
    }

    public OrderAssert isFilled() {
        return hasStatus("FILLED");
    }

    public OrderAssert isOpen() {
        return hasStatus("OPEN");
    }

    public OrderAssert isCanceled() {
        return hasStatus("CANCELED");
    }

    /** What filled of the order did so at this average price (AverageFillPrice); fails if nothing filled. */
    public OrderAssert at(double averageFillPrice) {
        isNotNull();
        if (!(actual.filledQuantity() > 0)) {
            failWithMessage("Expected order %s to be filled at %s, but nothing of it was filled (%s)", id(),
                    number(averageFillPrice), actual.describe());
        }
        if (Double.compare(actual.averageFillPrice(), averageFillPrice) != 0) {
            failWithMessage("Expected order %s to be filled at %s, but it was filled at %s on average (%s)", id(),
                    number(averageFillPrice), number(actual.averageFillPrice()), actual.describe());
        }
        return myself;
    }

    public OrderAssert hasFilledQuantity(double quantity) {
        isNotNull();
        if (Double.compare(actual.filledQuantity(), quantity) != 0) {
            failWithMessage("Expected order %s to have %s filled, but it had %s filled (%s)", id(), number(quantity),
                    number(actual.filledQuantity()), actual.describe());
        }
        return myself;
    }

    public OrderAssert hasRemainingQuantity(double quantity) {
        isNotNull();
        if (Double.compare(actual.remainingQuantity(), quantity) != 0) {
            failWithMessage("Expected order %s to have %s remaining, but it had %s remaining (%s)", id(), number(quantity),
                    number(actual.remainingQuantity()), actual.describe());
        }
        return myself;
    }

    /** The order's quantity (OrderQuantity), filled or not. */
    public OrderAssert hasQuantity(double quantity) {
        isNotNull();
        if (Double.compare(actual.orderQuantity(), quantity) != 0) {
            failWithMessage("Expected order %s to be for %s, but it was for %s (%s)", id(), number(quantity),
                    number(actual.orderQuantity()), actual.describe());
        }
        return myself;
    }

    /** The order's limit price (Price1). */
    public OrderAssert hasLimitPrice(double price) {
        isNotNull();
        if (Double.compare(actual.price1(), price) != 0) {
            failWithMessage("Expected order %s to have the limit price %s, but its limit price was %s (%s)", id(),
                    number(price), number(actual.price1()), actual.describe());
        }
        return myself;
    }

    public OrderAssert hasSide(Side side) {
        isNotNull();
        if (actual.side() != side) {
            failWithMessage("Expected order %s to be a %s, but it was a %s (%s)", id(), side,
                    actual.side() == null ? "order of no side" : actual.side(), actual.describe());
        }
        return myself;
    }

    public OrderAssert hasSymbol(String symbol) {
        isNotNull();
        if (!actual.symbol().equals(symbol)) {
            failWithMessage("Expected order %s to be in %s, but it was in %s (%s)", id(), symbol, actual.symbol(),
                    actual.describe());
        }
        return myself;
    }

    /** "DH1-3/S7", the ids as the client's logs show them. */
    private String id() {
        return (actual.clientOrderId().isEmpty() ? "-" : actual.clientOrderId()) + "/"
                + (actual.serverOrderId().isEmpty() ? "-" : actual.serverOrderId());
    }

    private static String shortStatus(String status) {
        return status.startsWith(STATUS_PREFIX) ? status.substring(STATUS_PREFIX.length()) : status;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
