package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;

/**
 * An accepted SUBMIT_NEW_SINGLE_ORDER with what the simulator gave it: its ServerOrderID, when it
 * arrived (epoch milliseconds) and the price it will fill at.
 */
public record WorkingOrder(DtcMessage request, String serverOrderId, long receivedMillis, double fillPrice) {

    public double quantity() {
        return request.getDouble("Quantity");
    }

    public boolean isBuy() {
        return request.enumName("BuySell").equals("BUY");
    }
}
