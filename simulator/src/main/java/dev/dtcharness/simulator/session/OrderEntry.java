package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.exchange.FillingExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes a session's orders to the exchange and writes its answers back in order, logging each. */
final class OrderEntry {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEntry.class);

    private final Session session;
    private final FillingExchange exchange;

    OrderEntry(Session session, FillingExchange exchange) {
        this.session = session;
        this.exchange = exchange;
    }

    void submit(DtcMessage order) {
        var replies = exchange.submit(order);
        DtcMessage first = replies.get(0);
        String outcome = first.getString("ServerOrderID").isEmpty() ? "rejected"
                : "ServerOrderID=" + first.getString("ServerOrderID");
        LOG.info("{}: order ClientOrderID={} Symbol={} BuySell={} Quantity={} Price1={} OrderType={} TradeAccount={}"
                        + " -> {}", session.label(), order.getString("ClientOrderID"), order.getString("Symbol"),
                order.enumName("BuySell"), Numbers.plain(order.getDouble("Quantity")),
                Numbers.plain(order.getDouble("Price1")), order.enumName("OrderType"),
                order.getString("TradeAccount"), outcome);
        replies.forEach(this::send);
    }

    /** Answers an order that could not be fully decoded, so the client learns which field was wrong. */
    void reject(DtcMessage partialOrder, String reason) {
        send(exchange.reject(partialOrder, reason));
    }

    private void send(DtcMessage m) {
        session.send(m);
        if (m.is("ORDER_UPDATE")) {
            LOG.info("{}: sent ORDER_UPDATE ServerOrderID={} ClientOrderID={} OrderStatus={} ({}) OrderUpdateReason={}"
                            + " ({}) FilledQuantity={}{}", session.label(), m.getString("ServerOrderID"),
                    m.getString("ClientOrderID"), m.enumName("OrderStatus"), m.getInt("OrderStatus"),
                    m.enumName("OrderUpdateReason"), m.getInt("OrderUpdateReason"),
                    Numbers.plain(m.getDouble("FilledQuantity")), details(m));
        } else {
            LOG.info("{}: sent {} TradeAccount={} Symbol={} Quantity={} AveragePrice={}", session.label(), m.name(),
                    m.getString("TradeAccount"), m.getString("Symbol"), Numbers.plain(m.getDouble("Quantity")),
                    Numbers.plain(m.getDouble("AveragePrice")));
        }
    }

    private static String details(DtcMessage update) {
        if (!update.getString("InfoText").isEmpty()) {
            return " InfoText=" + update.getString("InfoText");
        }
        if (update.isSet("LastFillExecutionID")) {
            return " AverageFillPrice=" + Numbers.plain(update.getDouble("AverageFillPrice"))
                    + " LastFillExecutionID=" + update.getString("LastFillExecutionID");
        }
        return "";
    }
}
