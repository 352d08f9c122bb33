package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One order as a store keeps it: the request that created it (its set fields, by spec name) and
 * what the exchange has done to it since. {@code status} is "NEW" or an OrderStatusEnum constant.
 */
public record StoredOrder(String requestName, Map<String, Object> request, String serverOrderId,
                          String previousServerOrderId, String ocoLinked, long partialFillHandling, double quantity,
                          double price1, double price2, long timeInForce, double filled, double averagePrice,
                          String status, long receivedMillis) {

    static StoredOrder of(Order o) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec f : o.request.spec().fields()) {
            Object v = o.request.rawValueAt(f);
            if (v != null) {
                fields.put(f.name(), v);
            }
        }
        return new StoredOrder(o.request.name(), fields, o.serverOrderId, o.previousServerOrderId, o.ocoLinked,
                o.partialFillHandling, o.quantity, o.price1, o.price2, o.timeInForce, o.filled, o.averagePrice,
                o.statusName(), o.receivedMillis);
    }

    /**
     * The order again, owned by no session: the sessions of the run that placed it are gone, so its
     * updates go to every logged-on session, as for an order placed elsewhere.
     */
    Order toOrder(double marketPrice) {
        OrderStatus restoredStatus = Order.statusNamed(status);
        if (!(DtcMessage.of(requestName) instanceof SubmitNewSingleOrder m)) {
            throw new IllegalArgumentException("its request is a " + requestName + " (expected: SUBMIT_NEW_SINGLE_ORDER)");
        }
        request.forEach(m::set);
        Order o = new Order(m, serverOrderId, Order.ELSEWHERE, receivedMillis, marketPrice);
        o.previousServerOrderId = previousServerOrderId;
        o.ocoLinked = ocoLinked;
        o.partialFillHandling = partialFillHandling;
        o.quantity = quantity;
        o.price1 = price1;
        o.price2 = price2;
        o.timeInForce = timeInForce;
        o.filled = filled;
        o.averagePrice = averagePrice;
        o.status = restoredStatus;
        return o;
    }
}
