package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CANCEL_ORDER (203) and CANCEL_REPLACE_ORDER (204), FACTS.md 3.2 E to H: an unknown order is
 * answered REJECTED with an empty ServerOrderID; a finished one keeps its status ("too late"). The
 * session that asked gets the answer, whichever session placed the order (that one gets its update
 * too); a request naming another TradeAccount than the order's is refused. A replace's new values
 * pass the same judgement as a new order's ({@link MarketValues}).
 */
final class Cancels {
    private static final Logger LOG = LoggerFactory.getLogger(Cancels.class);
    private static final String CANCEL_REJECTED = "ORDER_CANCEL_REJECTED";
    private static final String REPLACE_REJECTED = "ORDER_CANCEL_REPLACE_REJECTED";
    private static final MessageSpec REPLACE = DtcSpec.v8().message("CANCEL_REPLACE_ORDER");
    private static final FieldSpec QUANTITY = REPLACE.field("Quantity"), PRICE1 = REPLACE.field("Price1"),
            PRICE2 = REPLACE.field("Price2"), PRICE1_IS_SET = REPLACE.field("Price1IsSet"),
            PRICE2_IS_SET = REPLACE.field("Price2IsSet"), TIME_IN_FORCE = REPLACE.field("TimeInForce");
    private static final long TIF_UNSET = TIME_IN_FORCE.enumSpec().valueOf("TIF_UNSET");

    private final OrderEngine engine;

    Cancels(OrderEngine engine) {
        this.engine = engine;
    }

    void cancel(SessionLink from, DtcMessage request) {
        Order o = find(request);
        String problem = problem(o, request, "cancel");
        if (problem != null) {
            refuse(from, o, request, CANCEL_REJECTED, problem);
            return;
        }
        LOG.info("{}: cancel of ServerOrderID={} ClientOrderID={}", from.label(), o.serverOrderId, o.clientOrderId);
        engine.cancel(o, null, from);
    }

    void replace(SessionLink from, DtcMessage request) {
        Order o = find(request);
        String problem = problem(o, request, "replace");
        if (problem == null) {
            problem = replaceProblem(o, request);
        }
        if (problem != null) {
            refuse(from, o, request, REPLACE_REJECTED, problem);
            return;
        }
        double quantity = request.getDouble(QUANTITY);
        if (quantity > 0) {
            o.quantity = quantity;
        }
        if (newPrice(request, PRICE1_IS_SET, PRICE1)) {
            o.price1 = request.getDouble(PRICE1);
        }
        if (newPrice(request, PRICE2_IS_SET, PRICE2)) {
            o.price2 = request.getDouble(PRICE2);
        }
        if (request.getLong(TIME_IN_FORCE) != TIF_UNSET) {
            o.timeInForce = request.getLong(TIME_IN_FORCE);
        }
        if (engine.config.exchange().newServerOrderIdOnReplace()) {
            String old = o.serverOrderId;
            o.previousServerOrderId = old;
            o.serverOrderId = engine.nextServerOrderId();
            engine.orders.renumber(o, old);
            Order partner = o.ocoLinked.isEmpty() ? null : engine.orders.working(o.ocoLinked);
            if (partner != null) {
                partner.ocoLinked = o.serverOrderId;
            }
        }
        LOG.info("{}: replaced {} -> ServerOrderID={} Quantity={} Price1={}", from.label(),
                o.previousServerOrderId, o.serverOrderId, o.quantity, o.price1);
        engine.answer(o, OrderUpdates.current(o, "ORDER_CANCEL_REPLACE_COMPLETE", engine.now()), from);
    }

    private Order find(DtcMessage request) {
        String serverOrderId = request.getString("ServerOrderID");
        if (!serverOrderId.isEmpty()) {
            return engine.orders.any(serverOrderId);
        }
        String clientOrderId = request.getString("ClientOrderID");
        return engine.orders.working().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).findFirst()
                .orElse(null);
    }

    private static String problem(Order o, DtcMessage request, String what) {
        String serverOrderId = request.getString("ServerOrderID");
        if (o == null) {
            return serverOrderId.isEmpty()
                    ? "no working order with ClientOrderID " + request.getString("ClientOrderID") + " to " + what
                    : "ServerOrderID " + serverOrderId + " is not a known order";
        }
        String account = request.getString("TradeAccount");
        if (!account.isEmpty() && !account.equals(o.account)) {
            return "TradeAccount " + account + " is not the order's (" + o.account + ")";
        }
        if (!o.isWorking()) {
            return "too late to " + what + ": the order is " + o.status.replace("ORDER_STATUS_", "");
        }
        String clientOrderId = request.getString("ClientOrderID");
        if (!clientOrderId.isEmpty() && !clientOrderId.equals(o.clientOrderId)) {
            return "ClientOrderID " + clientOrderId + " is not the order's (" + o.clientOrderId + ")";
        }
        return null;
    }

    /**
     * The new values, judged as a new order's: Quantity the new total (0 keeps it), a price that
     * Price1IsSet or Price2IsSet says is given, TimeInForce any TimeInForceEnum value (TIF_UNSET keeps it).
     */
    private static String replaceProblem(Order o, DtcMessage request) {
        for (FieldSpec f : request.spec().fields()) {
            String nonFinite = f.kind().isFloatingPoint()
                    ? MarketValues.nonFiniteProblem(f.name(), request.getDouble(f)) : null;
            if (nonFinite != null) {
                return nonFinite;
            }
        }
        double quantity = request.getDouble(QUANTITY);
        if (quantity != 0) {
            String problem = MarketValues.quantityProblem("Quantity", quantity);
            if (problem != null) {
                return problem + "; 0 keeps " + o.quantity;
            }
            if (quantity <= o.filled) {
                return "Quantity " + quantity + " (expected: the new total, more than the " + o.filled
                        + " filled; 0 keeps " + o.quantity + ")";
            }
        }
        if (newPrice(request, PRICE1_IS_SET, PRICE1)) {
            String problem = MarketValues.priceProblem("Price1", request.getDouble(PRICE1));
            if (problem != null) {
                return problem + "; Price1IsSet 0 keeps it";
            }
        }
        if (newPrice(request, PRICE2_IS_SET, PRICE2)) {
            String problem = MarketValues.priceProblem("Price2", request.getDouble(PRICE2));
            if (problem != null) {
                return problem + "; Price2IsSet 0 keeps it";
            }
        }
        return OrderCheck.timeInForceProblem(request.getLong(TIME_IN_FORCE));
    }

    /** A price the replace changes: its IsSet flag is 1 and, in JSON, the price is there. */
    private static boolean newPrice(DtcMessage request, FieldSpec isSet, FieldSpec price) {
        return request.getLong(isSet) == 1 && request.isSet(price);
    }

    private void refuse(SessionLink from, Order o, DtcMessage request, String reason, String why) {
        LOG.info("{}: {} refused: {}", from.label(), request.name(), why);
        DtcMessage reply = o == null || o.isNew()
                ? OrderUpdates.unknownOrder(request, reason, why, engine.now())
                : OrderUpdates.withInfo(OrderUpdates.current(o, reason, engine.now()), why);
        if (o != null && !request.getString("ClientOrderID").isEmpty()) {
            reply.set("ClientOrderID", request.getString("ClientOrderID"));
        }
        engine.send(from, reply);
    }
}
