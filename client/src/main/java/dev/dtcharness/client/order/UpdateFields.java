package dev.dtcharness.client.order;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;

/**
 * Handles on the ORDER_UPDATE fields the book reads, taken from the spec once: about twenty reads per
 * update then cost no lookup by name ({@code MessageSpec.field(FieldSpec)} reads any other message by name).
 */
final class UpdateFields {
    private static final MessageSpec UPDATE = DtcSpec.v8().message("ORDER_UPDATE");

    static final FieldSpec ORDER_UPDATE_REASON = UPDATE.field("OrderUpdateReason");
    static final FieldSpec LAST_FILL_EXECUTION_ID = UPDATE.field("LastFillExecutionID");
    static final FieldSpec FILLED_QUANTITY = UPDATE.field("FilledQuantity");
    static final FieldSpec SERVER_ORDER_ID = UPDATE.field("ServerOrderID");
    static final FieldSpec LAST_FILL_QUANTITY = UPDATE.field("LastFillQuantity");
    static final FieldSpec LAST_FILL_PRICE = UPDATE.field("LastFillPrice");
    static final FieldSpec CLIENT_ORDER_ID = UPDATE.field("ClientOrderID");
    static final FieldSpec TRADE_ACCOUNT = UPDATE.field("TradeAccount");
    static final FieldSpec SYMBOL = UPDATE.field("Symbol");
    static final FieldSpec REMAINING_QUANTITY = UPDATE.field("RemainingQuantity");
    static final FieldSpec PRICE1 = UPDATE.field("Price1");
    static final FieldSpec PREVIOUS_SERVER_ORDER_ID = UPDATE.field("PreviousServerOrderID");
    static final FieldSpec ORDER_TYPE = UPDATE.field("OrderType");
    static final FieldSpec ORDER_STATUS = UPDATE.field("OrderStatus");
    static final FieldSpec ORDER_QUANTITY = UPDATE.field("OrderQuantity");
    static final FieldSpec INFO_TEXT = UPDATE.field("InfoText");
    static final FieldSpec EXCHANGE = UPDATE.field("Exchange");
    static final FieldSpec BUY_SELL = UPDATE.field("BuySell");
    static final FieldSpec AVERAGE_FILL_PRICE = UPDATE.field("AverageFillPrice");
    static final FieldSpec LAST_FILL_DATE_TIME = UPDATE.field("LastFillDateTime");
    static final FieldSpec NO_ORDERS = UPDATE.field("NoOrders");

    private UpdateFields() {
    }
}
