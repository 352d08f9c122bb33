package dev.dtcharness.simulator.market.instrument;

import dev.dtcharness.protocol.message.MarketDataReject;
import dev.dtcharness.protocol.message.SecurityDefinitionReject;

/** Reject texts cut to fit the RejectText fields (an over-long string fails at encode time). */
final class Texts {
    private static final int MAX = Math.min(SecurityDefinitionReject.REJECT_TEXT.maxStringLength(),
            MarketDataReject.REJECT_TEXT.maxStringLength());

    private Texts() {
    }

    static String fit(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }
}
