package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import java.math.BigDecimal;

/** One log line per message sent, in the words a trader reads: statuses by name and number, 1 rather than 1.0. */
final class Summaries {
    private Summaries() {
    }

    static String of(DtcMessage m) {
        if (!m.is("ORDER_UPDATE")) {
            return m.toString();
        }
        StringBuilder sb = new StringBuilder("ORDER_UPDATE");
        if (m.getInt("RequestID") != 0) {
            sb.append(" RequestID=").append(m.getInt("RequestID")).append(" MessageNumber=")
                    .append(m.getInt("MessageNumber")).append('/').append(m.getInt("TotalNumMessages"));
        }
        if (m.getLong("NoOrders") == 1) {
            return sb.append(" NoOrders=1").toString();
        }
        sb.append(" ServerOrderID=").append(m.getString("ServerOrderID"))
                .append(" ClientOrderID=").append(m.getString("ClientOrderID"))
                .append(" OrderStatus=").append(m.enumName("OrderStatus")).append(" (").append(m.getInt("OrderStatus"))
                .append(") OrderUpdateReason=").append(m.enumName("OrderUpdateReason")).append(" (")
                .append(m.getInt("OrderUpdateReason")).append(") FilledQuantity=").append(plain(m.getDouble("FilledQuantity")));
        if (!m.getString("PreviousServerOrderID").isEmpty()) {
            sb.append(" PreviousServerOrderID=").append(m.getString("PreviousServerOrderID"));
        }
        if (m.isSet("LastFillExecutionID")) {
            sb.append(" LastFillPrice=").append(plain(m.getDouble("LastFillPrice")))
                    .append(" AverageFillPrice=").append(plain(m.getDouble("AverageFillPrice")))
                    .append(" LastFillExecutionID=").append(m.getString("LastFillExecutionID"));
        }
        if (!m.getString("InfoText").isEmpty()) {
            sb.append(" InfoText=").append(m.getString("InfoText"));
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
