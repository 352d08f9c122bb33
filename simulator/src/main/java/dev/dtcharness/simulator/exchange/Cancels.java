package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.CancelOrderView;
import dev.dtcharness.protocol.message.CancelReplaceOrder;
import dev.dtcharness.protocol.message.CancelReplaceOrderView;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.spec.FieldSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CANCEL_ORDER (203) and CANCEL_REPLACE_ORDER (204), FACTS.md 3.2 E to H: an unknown order is
 * answered REJECTED with an empty ServerOrderID; a finished one keeps its status ("too late"). The
 * session that asked gets the answer, whichever session placed the order (that one gets its update
 * too); a request naming another TradeAccount than the order's is refused. A replace's new values
 * pass the same judgement as a new order's ({@link MarketValues}); the change itself is the
 * {@link OrderLifecycle}'s.
 */
final class Cancels {
    private static final Logger LOG = LoggerFactory.getLogger(Cancels.class);

    private final OrderTable orders;
    private final OrderLifecycle lifecycle;
    private final Delivery delivery;

    Cancels(OrderTable orders, OrderLifecycle lifecycle, Delivery delivery) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.delivery = delivery;
    }

    void cancel(SessionLink from, CancelOrderView request) {
        Order o = find(request);
        String problem = problem(o, request, "cancel");
        if (problem != null) {
            refuse(from, o, request, OrderUpdateReason.ORDER_CANCEL_REJECTED, problem);
            return;
        }
        LOG.info("{}: cancel of ServerOrderID={} ClientOrderID={}", from.label(), o.serverOrderId, o.clientOrderId);
        lifecycle.cancel(o, null, from);
    }

    void replace(SessionLink from, CancelReplaceOrderView request) {
        Order o = find(request);
        String problem = problem(o, request, "replace");
        if (problem == null) {
            problem = replaceProblem(o, request);
        }
        if (problem != null) {
            refuse(from, o, request, OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED, problem);
            return;
        }
        lifecycle.replace(o, request, from);
    }

    private Order find(MessageView request) {
        String serverOrderId = request.getString("ServerOrderID");
        if (!serverOrderId.isEmpty()) {
            return orders.any(serverOrderId);
        }
        String clientOrderId = request.getString("ClientOrderID");
        for (Order o : orders.working()) {
            if (o.clientOrderId.equals(clientOrderId)) {
                return o;
            }
        }
        return null;
    }

    private static String problem(Order o, MessageView request, String what) {
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
            return "too late to " + what + ": the order is " + o.statusName().replace("ORDER_STATUS_", "");
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
    private static String replaceProblem(Order o, CancelReplaceOrderView request) {
        for (FieldSpec f : request.spec().fields()) {
            String nonFinite = f.kind().isFloatingPoint()
                    ? MarketValues.nonFiniteProblem(f.name(), request.getDouble(f)) : null;
            if (nonFinite != null) {
                return nonFinite;
            }
        }
        double quantity = request.quantity();
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
        if (OrderLifecycle.newPrice(request, CancelReplaceOrder.PRICE1_IS_SET, CancelReplaceOrder.PRICE1)) {
            String problem = MarketValues.priceProblem("Price1", request.price1());
            if (problem != null) {
                return problem + "; Price1IsSet 0 keeps it";
            }
        }
        if (OrderLifecycle.newPrice(request, CancelReplaceOrder.PRICE2_IS_SET, CancelReplaceOrder.PRICE2)) {
            String problem = MarketValues.priceProblem("Price2", request.price2());
            if (problem != null) {
                return problem + "; Price2IsSet 0 keeps it";
            }
        }
        return OrderCheck.timeInForceProblem(request.getLong(CancelReplaceOrder.TIME_IN_FORCE));
    }

    private void refuse(SessionLink from, Order o, MessageView request, OrderUpdateReason reason, String why) {
        LOG.info("{}: {} refused: {}", from.label(), request.name(), why);
        OrderUpdate reply = o == null || o.isNew()
                ? OrderUpdates.unknownOrder(request, reason, why, lifecycle.now())
                : OrderUpdates.withInfo(OrderUpdates.current(new OrderUpdate(), o, reason, lifecycle.now()), why);
        if (o != null && !request.getString("ClientOrderID").isEmpty()) {
            reply.setClientOrderID(request.getString("ClientOrderID"));
        }
        delivery.send(from, reply);
    }
}
