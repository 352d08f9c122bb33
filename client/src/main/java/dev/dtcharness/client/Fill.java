package dev.dtcharness.client;

/**
 * One execution, counted once by its execution id (ORDER_UPDATE.LastFillExecutionID, or
 * HISTORICAL_ORDER_FILL_RESPONSE.UniqueExecutionID). A fill reported without an id gets
 * "ServerOrderID@cumulative quantity", so the same report repeated still counts once.
 *
 * @param dateTimeMillis UTC milliseconds, 0 when the server did not say
 * @param source         "ORDER_UPDATE" or "HISTORICAL_ORDER_FILL_RESPONSE", the message that told us
 */
public record Fill(String executionId, String serverOrderId, String clientOrderId, String symbol,
                   String tradeAccount, Side side, double quantity, double price, long dateTimeMillis, String source) {

    /** Signed quantity: positive for a buy, negative for a sell, zero when the side is unknown. */
    public double signedQuantity() {
        return side == Side.BUY ? quantity : side == Side.SELL ? -quantity : 0;
    }
}
