package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CANCEL_ORDER (203) and CANCEL_REPLACE_ORDER (204), FACTS.md 3.2 E to H: an unknown order is
 * answered REJECTED with an empty ServerOrderID; a finished one keeps its status ("too late").
 */
final class Cancels {
    private static final Logger LOG = LoggerFactory.getLogger(Cancels.class);
    private static final String CANCEL_REJECTED = "ORDER_CANCEL_REJECTED";
    private static final String REPLACE_REJECTED = "ORDER_CANCEL_REPLACE_REJECTED";

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
        engine.cancel(o, null);
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
        double quantity = request.getDouble("Quantity");
        if (quantity > 0) {
            o.quantity = quantity;
        }
        if (request.getLong("Price1IsSet") == 1 && request.isSet("Price1")) {
            o.price1 = request.getDouble("Price1");
        }
        if (request.getLong("Price2IsSet") == 1 && request.isSet("Price2")) {
            o.price2 = request.getDouble("Price2");
        }
        if (!request.enumName("TimeInForce").equals("TIF_UNSET")) {
            o.timeInForce = request.getLong("TimeInForce");
        }
        if (engine.config.newServerOrderIdOnReplace()) {
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
        engine.deliver(o, OrderUpdates.current(o, "ORDER_CANCEL_REPLACE_COMPLETE", engine.now()));
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
        if (!o.isWorking()) {
            return "too late to " + what + ": the order is " + o.status.replace("ORDER_STATUS_", "");
        }
        String clientOrderId = request.getString("ClientOrderID");
        if (!clientOrderId.isEmpty() && !clientOrderId.equals(o.clientOrderId)) {
            return "ClientOrderID " + clientOrderId + " is not the order's (" + o.clientOrderId + ")";
        }
        return null;
    }

    private static String replaceProblem(Order o, DtcMessage request) {
        double quantity = request.getDouble("Quantity");
        if (quantity < 0 || (quantity > 0 && quantity <= o.filled)) {
            return "Quantity " + quantity + " (expected: the new total, more than the " + o.filled
                    + " filled; 0 keeps " + o.quantity + ")";
        }
        return null;
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
