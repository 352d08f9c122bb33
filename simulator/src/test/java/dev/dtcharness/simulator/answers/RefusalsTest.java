package dev.dtcharness.simulator.answers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The refusal of each request type, as worked out from the spec data, against what FACTS.md says of each. */
class RefusalsTest {
    @Test
    void shouldFindTheSpecsRefusalOfEveryRequestAClientMaySend() {
        Map<String, String> found = new TreeMap<>();
        for (MessageSpec m : DtcSpec.v8().messages()) {
            if (Direction.of(m).contains(Direction.CLIENT_TO_SERVER)) {
                found.put(m.name(), Refusals.v8().replyName(m));
            }
        }
        assertThat(found).containsAllEntriesOf(Map.ofEntries(
                Map.entry("SUBMIT_NEW_SINGLE_ORDER", "ORDER_UPDATE"),
                Map.entry("SUBMIT_NEW_OCO_ORDER", "ORDER_UPDATE"),
                Map.entry("SUBMIT_FLATTEN_POSITION_ORDER", "ORDER_UPDATE"),
                Map.entry("CANCEL_ORDER", "ORDER_UPDATE"),
                Map.entry("CANCEL_REPLACE_ORDER", "ORDER_UPDATE"),
                Map.entry("OPEN_ORDERS_REQUEST", "OPEN_ORDERS_REJECT"),
                Map.entry("HISTORICAL_ORDER_FILLS_REQUEST", "HISTORICAL_ORDER_FILLS_REJECT"),
                Map.entry("CURRENT_POSITIONS_REQUEST", "CURRENT_POSITIONS_REJECT"),
                Map.entry("ADD_CORRECTING_ORDER_FILL", "CORRECTING_ORDER_FILL_RESPONSE"),
                Map.entry("TRADE_ACCOUNTS_REQUEST", "GENERAL_LOG_MESSAGE"),
                Map.entry("MARKET_DATA_REQUEST", "MARKET_DATA_REJECT"),
                Map.entry("MARKET_DEPTH_REQUEST", "MARKET_DEPTH_REJECT"),
                Map.entry("MARKET_ORDERS_REQUEST", "MARKET_ORDERS_REJECT"),
                Map.entry("EXCHANGE_LIST_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("SYMBOLS_FOR_EXCHANGE_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("UNDERLYING_SYMBOLS_FOR_EXCHANGE_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("SYMBOLS_FOR_UNDERLYING_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("SECURITY_DEFINITION_FOR_SYMBOL_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("SYMBOL_SEARCH_REQUEST", "SECURITY_DEFINITION_REJECT"),
                Map.entry("ACCOUNT_BALANCE_REQUEST", "ACCOUNT_BALANCE_REJECT"),
                Map.entry("HISTORICAL_ACCOUNT_BALANCES_REQUEST", "HISTORICAL_ACCOUNT_BALANCES_REJECT"),
                Map.entry("ACCOUNT_BALANCE_ADJUSTMENT", "ACCOUNT_BALANCE_ADJUSTMENT_REJECT"),
                Map.entry("JOURNAL_ENTRY_ADD", "GENERAL_LOG_MESSAGE"),
                Map.entry("JOURNAL_ENTRIES_REQUEST", "JOURNAL_ENTRIES_REJECT"),
                Map.entry("HISTORICAL_PRICE_DATA_REQUEST", "HISTORICAL_PRICE_DATA_REJECT"),
                Map.entry("HISTORICAL_MARKET_DEPTH_DATA_REQUEST", "HISTORICAL_MARKET_DEPTH_DATA_REJECT")));
    }

    @Test
    void shouldRefuseEachLegOfAnOcoPairWithItsOwnClientOrderId() {
        DtcMessage oco = DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                .set("ClientOrderID_1", "A").set("ClientOrderID_2", "B");

        List<DtcMessage> replies = Refusals.v8().refuse(oco, "why", false, 1_000);

        assertThat(replies).extracting(m -> m.getString("ClientOrderID")).containsExactly("A", "B");
        assertThat(replies).allSatisfy(m -> assertThat(m.getString("TradeAccount")).isEqualTo("Sim1"));
    }

    @Test
    void shouldSayWhetherAHistoricalDataRequestMayBeRetried() {
        DtcMessage request = DtcMessage.of("HISTORICAL_PRICE_DATA_REQUEST").set("RequestID", 3).set("Symbol", "ES");

        DtcMessage later = Refusals.v8().refuse(request, "log on first", true, 0).get(0);
        DtcMessage never = Refusals.v8().refuse(request, "not served", false, 0).get(0);

        assertThat(later.getInt("RequestID")).isEqualTo(3);
        assertThat(later.enumName("RejectReasonCode")).isEqualTo("HPDR_GENERAL_REJECT_ERROR");
        assertThat(never.enumName("RejectReasonCode")).isEqualTo("HPDR_UNABLE_TO_SERVE_DATA_DO_NOT_RETRY");
    }

    @Test
    void shouldNameTheFlagThatSaysATypeIsNotServed() {
        Unserved unserved = new Unserved(new Capabilities(name -> false));

        assertThat(unserved.reason(DtcSpec.v8().message("HISTORICAL_PRICE_DATA_REQUEST")))
                .isEqualTo("no historical price data served here (LOGON_RESPONSE.HistoricalPriceDataSupported is 0)")
                .hasSizeLessThanOrEqualTo(95);
        assertThat(unserved.reason(DtcSpec.v8().message("JOURNAL_ENTRIES_REQUEST")))
                .isEqualTo("JOURNAL_ENTRIES_REQUEST (704) is not served by this simulator");
    }
}
