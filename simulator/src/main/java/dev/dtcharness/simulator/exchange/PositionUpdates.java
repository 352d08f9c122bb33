package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;

/** Builds the real-time POSITION_UPDATE (306) a fill must be followed by (FACTS.md 3.1, 3.5). */
final class PositionUpdates {
    private PositionUpdates() {
    }

    static DtcMessage unsolicited(DtcMessage request, Position position) {
        return DtcMessage.of("POSITION_UPDATE")
                .set("RequestID", 0)
                .set("TotalNumberMessages", 1)
                .set("MessageNumber", 1)
                .set("Symbol", request.getString("Symbol"))
                .set("Exchange", request.getString("Exchange"))
                .set("TradeAccount", request.getString("TradeAccount"))
                .set("Quantity", position.quantity())
                .set("AveragePrice", position.averagePrice())
                .set("Unsolicited", 1);
    }
}
