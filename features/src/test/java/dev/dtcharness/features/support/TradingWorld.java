package dev.dtcharness.features.support;

import dev.dtcharness.client.OrderActionHandle;
import dev.dtcharness.client.OrderHandle;
import java.util.ArrayList;
import java.util.List;

/** What a scenario remembers between steps: the orders it placed, and its last cancel or modify. */
public class TradingWorld {
    private final List<OrderHandle> orders = new ArrayList<>();
    private OrderActionHandle lastAction;
    private String firstServerOrderId;

    public void placed(OrderHandle order) {
        orders.add(order);
    }

    public OrderHandle lastOrder() {
        if (orders.isEmpty()) {
            throw new IllegalStateException("no order placed yet in this scenario");
        }
        return orders.get(orders.size() - 1);
    }

    public List<OrderHandle> orders() {
        return List.copyOf(orders);
    }

    public void acted(OrderActionHandle action) {
        this.lastAction = action;
    }

    public OrderActionHandle lastAction() {
        if (lastAction == null) {
            throw new IllegalStateException("no cancel or modify sent yet in this scenario");
        }
        return lastAction;
    }

    /** The ServerOrderID the last order had when it was first seen working, before any replace. */
    public void rememberServerOrderId(String serverOrderId) {
        if (firstServerOrderId == null) {
            firstServerOrderId = serverOrderId;
        }
    }

    public String firstServerOrderId() {
        return firstServerOrderId;
    }
}
