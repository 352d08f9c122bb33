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

    /** The fill's execution id for the two events that carry a fill, else null. */
    String executionId() {
        return (FILL.equals(event) || FILL_KEPT.equals(event)) && fill != null ? fill.executionId() : null;
    }

    /**
     * Why replay cannot use this line (a part it needs is missing), or null when it can: checked
     * before anything is applied, so a line is applied whole or not at all.
     */
    String problem() {
        if (event == null) {
            return "it has no \"event\"";
        }
        return switch (event) {
            case CLIENT_ORDER_ID -> clientOrderId == null ? "it has no \"clientOrderId\"" : null;
            case ORDER -> orderProblem();
            case FILL -> fillProblem() != null ? fillProblem() : orderProblem();
            case FILL_KEPT -> fillProblem();
            case RESET -> serverOrderIds == null || executionIds == null
                    ? "it lacks \"serverOrderIds\" or \"executionIds\"" : null;
            case ACCOUNT -> account == null || realisedPnl == null || positions == null || positions.containsValue(null)
                    ? "it lacks \"account\", \"realisedPnl\" or \"positions\"" : null;
            default -> "its event \"" + event + "\" is unknown";
        };
    }

    private String orderProblem() {
        if (order == null) {
            return "it has no \"order\"";
        }
        if (order.requestName() == null || order.request() == null || order.serverOrderId() == null
                || order.previousServerOrderId() == null || order.status() == null) {
            return "its order lacks \"requestName\", \"request\", \"serverOrderId\", \"previousServerOrderId\" or \"status\"";
        }
        return null;
    }

    private String fillProblem() {
        if (fill == null) {
            return "it has no \"fill\"";
        }
        if (fill.executionId() == null || fill.tradeAccount() == null || fill.symbol() == null
                || !("BUY".equals(fill.side()) || "SELL".equals(fill.side()))) {
            return "its fill lacks \"executionId\", \"tradeAccount\", \"symbol\" or a \"side\" of BUY or SELL";
        }
        return null;
    }
}
