package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.message.OrderUpdate;
import java.math.BigDecimal;

/** One log line per message sent, in the words a trader reads: statuses by name and number, 1 rather than 1.0. */
final class Summaries {
    private Summaries() {
    }

    static String of(MessageView message) {
        if (!(message instanceof OrderUpdate m)) {
            return message.toString();
        }
        StringBuilder sb = new StringBuilder("ORDER_UPDATE");
        if (m.requestID() != 0) {
            sb.append(" RequestID=").append(m.requestID()).append(" MessageNumber=")
                    .append(m.messageNumber()).append('/').append(m.totalNumMessages());
        }
        if (m.noOrders() == 1) {
            return sb.append(" NoOrders=1").toString();
        }
        sb.append(" ServerOrderID=").append(m.serverOrderID())
                .append(" ClientOrderID=").append(m.clientOrderID())
                .append(" OrderStatus=").append(m.enumName("OrderStatus")).append(" (").append(m.orderStatusValue())
                .append(") OrderUpdateReason=").append(m.enumName("OrderUpdateReason")).append(" (")
                .append(m.orderUpdateReasonValue()).append(") FilledQuantity=").append(plain(m.filledQuantity()));
        if (!m.previousServerOrderID().isEmpty()) {
            sb.append(" PreviousServerOrderID=").append(m.previousServerOrderID());
        }
        if (m.isSet("LastFillExecutionID")) {
            sb.append(" LastFillPrice=").append(plain(m.lastFillPrice()))
                    .append(" AverageFillPrice=").append(plain(m.averageFillPrice()))
                    .append(" LastFillExecutionID=").append(m.lastFillExecutionID());
        }
        if (!m.infoText().isEmpty()) {
            sb.append(" InfoText=").append(m.infoText());
        }
        return sb.toString();
    }

    private static String plain(double value) {
        if (value == Double.MAX_VALUE) {
            return "unset";
        }
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
