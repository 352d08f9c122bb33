package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.script.Step;
import java.util.List;

/**
 * SUBMIT_NEW_OCO_ORDER (201), FACTS.md 3.2 J: two orders linked by OCOLinkedOrderServerOrderID;
 * when one fills the other is canceled, a partial fill reduces or cancels the other as
 * PartialFillHandling says; a refused pair is answered with two NEW_ORDER_REJECTED.
 */
final class OcoOrders {
    private final OrderEngine engine;

    OcoOrders(OrderEngine engine) {
        this.engine = engine;
    }

    void submit(SessionLink from, DtcMessage request) {
        DtcMessage leg1 = leg(request, "_1");
        DtcMessage leg2 = leg(request, "_2");
        String problem = null;
        if (!request.getString("ParentTriggerClientOrderID").isEmpty()) {
            problem = "bracket orders are not supported (LOGON_RESPONSE.BracketOrdersSupported is 0)";
        } else if (leg1.getString("ClientOrderID").equals(leg2.getString("ClientOrderID"))) {
            problem = "ClientOrderID_1 and ClientOrderID_2 are both " + leg1.getString("ClientOrderID")
                    + " (expected: two different ids)";
        }
        if (problem == null) {
            String p1 = engine.newOrderProblem(leg1);
            String p2 = p1 == null ? engine.newOrderProblem(leg2) : null;
            problem = p1 != null ? "leg 1: " + p1 : p2 != null ? "leg 2: " + p2 : null;
        }
        if (problem != null) {
            engine.reject(from, leg1, problem);
            engine.reject(from, leg2, problem);
            return;
        }
        Order o1 = engine.newOrder(leg1, from.id());
        Order o2 = engine.newOrder(leg2, from.id());
        o1.ocoLinked = o2.serverOrderId;
        o2.ocoLinked = o1.serverOrderId;
        o1.partialFillHandling = request.getLong("PartialFillHandling");
        o2.partialFillHandling = o1.partialFillHandling;
        List<Step> plan1 = engine.planFor(o1);
        List<Step> plan2 = engine.planFor(o2);
        // Both legs are acknowledged before either can fill, so the client knows the pair.
        engine.accept(o1);
        engine.accept(o2);
        engine.run(o1, plan1, 0);
        engine.run(o2, plan2, 0);
    }

    /** After a fill of {@code o}: cancel or reduce its OCO partner. */
    void afterFill(Order o, double quantity) {
        Order partner = o.ocoLinked.isEmpty() ? null : engine.orders.working(o.ocoLinked);
        if (partner == null) {
            return;
        }
        String handling = handlingName(o.partialFillHandling);
        if (!o.isWorking() || handling.equals("PARTIAL_FILL_HANDLING_IMMEDIATE_CANCEL")) {
            engine.cancel(partner, "OCO partner " + o.serverOrderId + " filled");
        } else if (handling.equals("PARTIAL_FILL_HANDLING_REDUCE_QUANTITY")) {
            partner.quantity = Math.max(partner.filled, partner.quantity - quantity);
            if (partner.remaining() <= 0) {
                engine.cancel(partner, "OCO partner " + o.serverOrderId + " filled");
            } else {
                engine.deliver(partner, OrderUpdates.current(partner, "GENERAL_ORDER_UPDATE", engine.now()));
            }
        }
    }

    private static String handlingName(long value) {
        return DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("PartialFillHandling", value).enumName("PartialFillHandling");
    }

    /** One leg as the SUBMIT_NEW_SINGLE_ORDER it amounts to, so it is checked and answered like one. */
    private static DtcMessage leg(DtcMessage oco, String suffix) {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        for (String shared : new String[] {"Symbol", "Exchange", "TradeAccount", "TimeInForce", "GoodTillDateTime",
                "IsAutomatedOrder", "FreeFormText", "OpenOrClose"}) {
            if (oco.isSet(shared)) {
                m.set(shared, oco.get(shared));
            }
        }
        for (String own : new String[] {"ClientOrderID", "OrderType", "BuySell", "Price1", "Price2", "Quantity"}) {
            if (oco.isSet(own + suffix)) {
                m.set(own, oco.get(own + suffix));
            }
        }
        return m;
    }
}
