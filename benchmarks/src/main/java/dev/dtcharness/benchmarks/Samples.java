package dev.dtcharness.benchmarks;

import dev.dtcharness.protocol.DtcMessage;

/** The two messages the codec benchmarks push through every encoding, filled in as a live session would. */
final class Samples {
    private Samples() {
    }

    /** A server's ORDER_UPDATE for a limit order filled in one go: ids, symbol, prices, quantities, fill details. */
    static DtcMessage filledOrderUpdate() {
        return DtcMessage.of("ORDER_UPDATE")
                .set("RequestID", 0).set("TotalNumMessages", 1).set("MessageNumber", 1)
                .set("Symbol", "ESZ5").set("Exchange", "CME")
                .set("ServerOrderID", "108273645").set("ClientOrderID", "ORD-20251124-000042")
                .set("ExchangeOrderID", "6502345678901")
                .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "ORDER_FILLED")
                .setEnum("OrderType", "ORDER_TYPE_LIMIT").setEnum("BuySell", "BUY")
                .set("Price1", 6012.25).setEnum("TimeInForce", "TIF_DAY")
                .set("OrderQuantity", 2).set("FilledQuantity", 2).set("RemainingQuantity", 0)
                .set("AverageFillPrice", 6012.25).set("LastFillPrice", 6012.25)
                .set("LastFillDateTime", 1_763_993_471_250L).set("LastFillQuantity", 2)
                .set("LastFillExecutionID", "EX-9F3A71C2-0001").set("TradeAccount", "Sim1")
                .setEnum("OpenOrClose", "TRADE_OPEN")
                .set("OrderReceivedDateTime", 1_763_993_471_118L).set("LatestTransactionDateTime", 1_763_993_471.25)
                .set("Username", "trader1");
    }

    /** A client's limit order, as SUBMIT_NEW_SINGLE_ORDER. */
    static DtcMessage limitOrder() {
        return DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER")
                .set("Symbol", "ESZ5").set("Exchange", "CME").set("TradeAccount", "Sim1")
                .set("ClientOrderID", "ORD-20251124-000042")
                .setEnum("OrderType", "ORDER_TYPE_LIMIT").setEnum("BuySell", "BUY")
                .set("Price1", 6012.25).set("Quantity", 2).setEnum("TimeInForce", "TIF_DAY")
                .set("IsAutomatedOrder", 1).setEnum("OpenOrClose", "TRADE_OPEN");
    }
}
