package dev.dtcharness.simulator.exchange;

/**
 * One execution as the fill history keeps it for HISTORICAL_ORDER_FILLS_REQUEST (FACTS.md 3.4).
 *
 * @param executionId    unique per fill for the simulator's life, sent as LastFillExecutionID and UniqueExecutionID
 * @param positionAfter  the account's signed position in the symbol right after this fill
 */
public record Fill(String executionId, String serverOrderId, String clientOrderId, String tradeAccount, String symbol,
                   String exchange, String side, double quantity, double price, long epochMillis,
                   double positionAfter) {
}
