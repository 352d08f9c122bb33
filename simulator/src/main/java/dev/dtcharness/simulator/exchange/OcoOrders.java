package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.message.SubmitNewOcoOrderView;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.simulator.script.Step;
import java.util.List;

/**
 * SUBMIT_NEW_OCO_ORDER (201), FACTS.md 3.2 J: two orders linked by OCOLinkedOrderServerOrderID,
 * both acknowledged before either can fill; a refused pair is answered with two NEW_ORDER_REJECTED.
 * What a fill of one does to the other is the {@link OrderLifecycle}'s.
 */
final class OcoOrders {
    private static final String[] SHARED = {"Symbol", "Exchange", "TradeAccount", "TimeInForce", "GoodTillDateTime",
        "IsAutomatedOrder", "FreeFormText", "OpenOrClose"};
    private static final String[] OWN = {"ClientOrderID", "OrderType", "BuySell", "Price1", "Price2", "Quantity"};

    private final NewOrders newOrders;
    private final Plans plans;
    private final PlanSteps steps;
    private final OrderLifecycle lifecycle;

    OcoOrders(NewOrders newOrders, Plans plans, PlanSteps steps, OrderLifecycle lifecycle) {
        this.newOrders = newOrders;
        this.plans = plans;
        this.steps = steps;
        this.lifecycle = lifecycle;
    }

    void submit(SessionLink from, SubmitNewOcoOrderView request) {
        SubmitNewSingleOrder leg1 = leg(request, "_1");
        SubmitNewSingleOrder leg2 = leg(request, "_2");
        String problem = null;
        if (!request.parentTriggerClientOrderID().isEmpty()) {
            problem = "bracket orders are not supported (LOGON_RESPONSE.BracketOrdersSupported is 0)";
        } else if (leg1.clientOrderID().equals(leg2.clientOrderID())) {
            problem = "ClientOrderID_1 and ClientOrderID_2 are both " + leg1.clientOrderID()
                    + " (expected: two different ids)";
        }
        if (problem == null) {
            String p1 = newOrders.problem(leg1);
            String p2 = p1 == null ? newOrders.problem(leg2) : null;
            problem = p1 != null ? "leg 1: " + p1 : p2 != null ? "leg 2: " + p2 : null;
        }
        if (problem != null) {
            lifecycle.rejectRequest(from, leg1, problem);
            lifecycle.rejectRequest(from, leg2, problem);
            return;
        }
        Order o1 = newOrders.newOrder(leg1, from.id());
        Order o2 = newOrders.newOrder(leg2, from.id());
        o1.ocoLinked = o2.serverOrderId;
        o2.ocoLinked = o1.serverOrderId;
        o1.partialFillHandling = request.partialFillHandlingValue();
        o2.partialFillHandling = o1.partialFillHandling;
        List<Step> plan1 = plans.planFor(o1);
        List<Step> plan2 = plans.planFor(o2);
        // Both legs are acknowledged before either can fill, so the client knows the pair.
        lifecycle.accept(o1);
        lifecycle.accept(o2);
        steps.run(o1, plan1, 0);
        steps.run(o2, plan2, 0);
    }

    /** One leg as the SUBMIT_NEW_SINGLE_ORDER it amounts to, so it is checked and answered like one. */
    private static SubmitNewSingleOrder leg(SubmitNewOcoOrderView oco, String suffix) {
        SubmitNewSingleOrder m = new SubmitNewSingleOrder();
        for (String shared : SHARED) {
            if (oco.isSet(shared)) {
                m.set(shared, oco.get(shared));
            }
        }
        for (String own : OWN) {
            if (oco.isSet(own + suffix)) {
                m.set(own, oco.get(own + suffix));
            }
        }
        return m;
    }
}
