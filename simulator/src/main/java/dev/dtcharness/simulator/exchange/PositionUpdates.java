package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.message.PositionUpdate;

/** Writes POSITION_UPDATE (306): the real-time one a fill must be followed by, and solicited ones (FACTS.md 3.5). */
final class PositionUpdates {
    private PositionUpdates() {
    }

    /** The position after a fill, pushed unprompted, written into {@code into} (cleared first). */
    static PositionUpdate unsolicited(PositionUpdate into, String account, String symbol, String exchange,
                                      Position position) {
        into.clear()
                .setRequestID(0)
                .setTotalNumberMessages(1)
                .setMessageNumber(1)
                .setSymbol(symbol)
                .setExchange(exchange)
                .setTradeAccount(account)
                .setAveragePrice(position.averagePrice())
                .setUnsolicited(1);
        // Flat is said, not left to the default (FACTS.md 3.5: Sierra Chart sends Quantity 0).
        into.setStated(PositionUpdate.QUANTITY, position.quantity());
        return into;
    }

    static PositionUpdate solicited(int requestId, String account, String symbol, Position position) {
        PositionUpdate m = new PositionUpdate()
                .setRequestID(requestId)
                .setSymbol(symbol)
                .setTradeAccount(account)
                .setAveragePrice(position.averagePrice())
                .setUnsolicited(0);
        m.setStated(PositionUpdate.QUANTITY, position.quantity());
        return m;
    }

    static PositionUpdate none(int requestId) {
        return new PositionUpdate().setRequestID(requestId).setTotalNumberMessages(1).setMessageNumber(1)
                .setNoPositions(1).setUnsolicited(0);
    }
}
