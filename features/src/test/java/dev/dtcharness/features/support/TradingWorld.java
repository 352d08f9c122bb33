package dev.dtcharness.features.support;

import dev.dtcharness.client.OrderHandle;

/** What a scenario remembers between steps: the order it is talking about. */
public class TradingWorld {
    private OrderHandle lastOrder;

    public void placed(OrderHandle order) {
        this.lastOrder = order;
    }

    public OrderHandle lastOrder() {
        if (lastOrder == null) {
            throw new IllegalStateException("no order placed yet in this scenario");
        }
        return lastOrder;
    }
}
