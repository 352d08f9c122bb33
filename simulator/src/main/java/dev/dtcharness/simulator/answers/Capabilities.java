package dev.dtcharness.simulator.answers;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The LOGON_RESPONSE capability flags (FACTS.md 2.3), every one stated: the flags are the spec's uint8_t
 * fields of LOGON_RESPONSE (Unused_1, once UseIntegerPriceOrderMessages, is none), and a flag that promises
 * a request type is 1 exactly when the simulator serves that type. An absent flag means its struct default,
 * which is 1 for MarketDataSupported, MarketDepthIsSupported and OrderCancelReplaceSupported, yet clients
 * read {@code .get(flag, 0)}; so each is sent with its value in every encoding ({@link DtcMessage#setStated}).
 */
public final class Capabilities {
    private static final MessageSpec LOGON_RESPONSE = DtcSpec.v8().message("LOGON_RESPONSE");

    /** The capability flags in wire order, from the spec. */
    public static final List<FieldSpec> FLAGS = LOGON_RESPONSE.fields().stream()
            .filter(f -> f.ctype().equals("uint8_t") && !f.name().startsWith("Unused")).toList();

    /**
     * The request type each flag promises to serve (SC-AUTH, FACTS.md 2.3). The flags not listed promise a
     * behaviour the simulator does not have, so they are 0: BracketOrdersSupported (a parent order with
     * OCO children is refused), MarketDepthUpdatesBestBidAndAsk and ResubscribeWhenMarketDataFeedAvailable
     * (no market data), OneHistoricalPriceDataRequestPerConnection (no historical data),
     * UsesMultiplePositionsPerSymbolAndTradeAccount (one position per symbol and account).
     */
    private static final Map<String, String> PROMISES = Map.of(
            "TradingIsSupported", "SUBMIT_NEW_SINGLE_ORDER",
            "OCOOrdersSupported", "SUBMIT_NEW_OCO_ORDER",
            "OrderCancelReplaceSupported", "CANCEL_REPLACE_ORDER",
            "SecurityDefinitionsSupported", "SECURITY_DEFINITION_FOR_SYMBOL_REQUEST",
            "HistoricalPriceDataSupported", "HISTORICAL_PRICE_DATA_REQUEST",
            "MarketDataSupported", "MARKET_DATA_REQUEST",
            "MarketDepthIsSupported", "MARKET_DEPTH_REQUEST");

    private final Map<FieldSpec, Integer> values = new LinkedHashMap<>();
    private final Map<String, FieldSpec> flagByRequest = new LinkedHashMap<>();

    /** @param served whether the simulator answers a request type (by name) as what it is */
    public Capabilities(Predicate<String> served) {
        for (FieldSpec flag : FLAGS) {
            String promised = PROMISES.get(flag.name());
            values.put(flag, promised != null && served.test(promised) ? 1 : 0);
            if (promised != null) {
                flagByRequest.put(promised, flag);
            }
        }
    }

    /** Sets every flag on a LOGON_RESPONSE, stated, so that JSON writes it at its default too. */
    public DtcMessage stateOn(DtcMessage logonResponse) {
        values.forEach((flag, value) -> logonResponse.setStated(flag, value));
        return logonResponse;
    }

    /** The value this simulator states for a flag. */
    public int value(String flag) {
        return values.get(LOGON_RESPONSE.field(flag));
    }

    /** The flag that promises {@code requestName}, or null when no flag does. */
    public String flagPromising(String requestName) {
        FieldSpec f = flagByRequest.get(requestName);
        return f == null ? null : f.name();
    }
}
