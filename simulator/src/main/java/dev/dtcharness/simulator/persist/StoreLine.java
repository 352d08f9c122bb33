package dev.dtcharness.simulator.persist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.Position;
import dev.dtcharness.simulator.exchange.StoredOrder;
import java.util.Map;

/** One line of the state file: one {@link dev.dtcharness.simulator.exchange.StoreEvents} event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoreLine(String event, String clientOrderId, StoredOrder order, Fill fill, Long serverOrderIds,
                 Long executionIds, String account, Double realisedPnl, Map<String, Position> positions) {
    static final String CLIENT_ORDER_ID = "clientOrderId";
    static final String ORDER = "order";
    static final String FILL = "fill";
    static final String RESET = "reset";
    static final String FILL_KEPT = "fillKept";
    static final String ACCOUNT = "account";
}
