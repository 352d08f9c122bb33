package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;

/** Builds POSITION_UPDATE (306): the real-time one a fill must be followed by, and solicited ones (FACTS.md 3.5). */
final class PositionUpdates {
    private PositionUpdates() {
    }

    static DtcMessage unsolicited(String account, String symbol, String exchange, Position position) {
        return DtcMessage.of("POSITION_UPDATE")
                .set("RequestID", 0)
                .set("TotalNumberMessages", 1)
                .set("MessageNumber", 1)
                .set("Symbol", symbol)
                .set("Exchange", exchange)
                .set("TradeAccount", account)
                .set("Quantity", position.quantity())
                .set("AveragePrice", position.averagePrice())
                .set("Unsolicited", 1);
    }

    static DtcMessage solicited(int requestId, int number, int total, String account, String symbol,
                                Position position) {
        return DtcMessage.of("POSITION_UPDATE")
                .set("RequestID", requestId)
                .set("TotalNumberMessages", total)
                .set("MessageNumber", number)
                .set("Symbol", symbol)
                .set("TradeAccount", account)
                .set("Quantity", position.quantity())
                .set("AveragePrice", position.averagePrice())
                .set("Unsolicited", 0);
    }

    static DtcMessage none(int requestId) {
        return DtcMessage.of("POSITION_UPDATE").set("RequestID", requestId).set("TotalNumberMessages", 1)
                .set("MessageNumber", 1).set("NoPositions", 1).set("Unsolicited", 0);
    }
}
