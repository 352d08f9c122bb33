package dev.dtcharness.client;

import dev.dtcharness.protocol.spec.DtcSpec;

/** The side of an order; its code comes from the spec's BuySellEnum, never typed by hand. */
public enum Side {
    BUY, SELL;

    private final int code = DtcSpec.v8().enumValue("BuySellEnum", name());

    /** The BuySellEnum value sent on the wire. */
    public int code() {
        return code;
    }

    /** The side with that BuySellEnum code, or null for BUY_SELL_UNSET and codes DTC does not define. */
    public static Side ofCode(long code) {
        for (Side s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
