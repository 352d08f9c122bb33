package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;

/** Builds POSITION_UPDATE (306): the real-time one a fill must be followed by, and solicited ones (FACTS.md 3.5). */
final class PositionUpdates {
    private PositionUpdates() {
    }

    private static final MessageSpec SPEC = DtcSpec.v8().message("POSITION_UPDATE");
    // Handles on the spec's own fields: every fill sends one of these.
    private static final FieldSpec REQUEST_ID = SPEC.field("RequestID"), TOTAL = SPEC.field("TotalNumberMessages"),
            NUMBER = SPEC.field("MessageNumber"), SYMBOL = SPEC.field("Symbol"), EXCHANGE = SPEC.field("Exchange"),
            ACCOUNT = SPEC.field("TradeAccount"), QUANTITY = SPEC.field("Quantity"),
            AVERAGE = SPEC.field("AveragePrice"), UNSOLICITED = SPEC.field("Unsolicited");

    /** An empty POSITION_UPDATE, for a sender that writes its updates into one it reuses. */
    static DtcMessage blank() {
        return DtcMessage.of(SPEC);
    }

    /** The position after a fill, pushed unprompted, written into {@code into} (cleared first). */
    static DtcMessage unsolicited(DtcMessage into, String account, String symbol, String exchange, Position position) {
        return into.clear()
                .set(REQUEST_ID, 0)
                .set(TOTAL, 1)
                .set(NUMBER, 1)
                .set(SYMBOL, symbol)
                .set(EXCHANGE, exchange)
                .set(ACCOUNT, account)
                // Flat is said, not left to the default (FACTS.md 3.5: Sierra Chart sends Quantity 0).
                .setStated(QUANTITY, position.quantity())
                .set(AVERAGE, position.averagePrice())
                .set(UNSOLICITED, 1);
    }

    static DtcMessage solicited(int requestId, int number, int total, String account, String symbol,
                                Position position) {
        return DtcMessage.of("POSITION_UPDATE")
                .set("RequestID", requestId)
                .set("TotalNumberMessages", total)
                .set("MessageNumber", number)
                .set("Symbol", symbol)
                .set("TradeAccount", account)
                .setStated("Quantity", position.quantity())
                .set("AveragePrice", position.averagePrice())
                .set("Unsolicited", 0);
    }

    static DtcMessage none(int requestId) {
        return DtcMessage.of("POSITION_UPDATE").set("RequestID", requestId).set("TotalNumberMessages", 1)
                .set("MessageNumber", 1).set("NoPositions", 1).set("Unsolicited", 0);
    }
}
