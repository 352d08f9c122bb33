package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.WireFormat;
import dev.dtcharness.protocol.codec.WireFormats;
import dev.dtcharness.protocol.message.SecurityDefinitionForSymbolRequest;
import dev.dtcharness.protocol.message.SecurityDefinitionReject;
import dev.dtcharness.protocol.message.SecurityDefinitionResponse;
import dev.dtcharness.protocol.message.SecurityDefinitionResponseView;
import dev.dtcharness.protocol.enums.SecurityType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecurityDefinitionsTest {
    private static final InstrumentTable STARTERS = InstrumentTable.starters();
    private static final SecurityDefinitions DEFINITIONS = SecurityDefinitions.of(STARTERS);

    private static SecurityDefinitionForSymbolRequest request(int id, String symbol, String exchange) {
        SecurityDefinitionForSymbolRequest r = new SecurityDefinitionForSymbolRequest().setRequestID(id).setSymbol(symbol);
        return exchange == null ? r : r.setExchange(exchange);
    }

    @Test
    void shouldAnswerEveryStarterWithOneFinalResponseFilledFromTheInstrument() {
        int id = 40;
        for (Instrument i : STARTERS.all()) {
            DtcMessage answer = DEFINITIONS.answer(request(++id, i.symbol(), null));
            assertThat(answer).as(i.symbol()).isInstanceOf(SecurityDefinitionResponse.class);
            SecurityDefinitionResponse r = (SecurityDefinitionResponse) answer;
            assertThat(r.requestID()).isEqualTo(id);
            assertThat(r.isFinalMessage()).isEqualTo(1);
            assertMatches(r, i, i.tickSize().doubleValue(), i.tickValue().doubleValue());
            // Sierra Chart leaves Exchange empty (FACTS 7.4).
            assertThat(r.exchange()).isEmpty();
        }
    }

    private static void assertMatches(SecurityDefinitionResponseView r, Instrument i, double tick, double tickValue) {
        assertThat(r.symbol()).isEqualTo(i.symbol());
        assertThat(r.securityType()).isEqualTo(i.securityType());
        assertThat(r.description()).isEqualTo(i.description());
        assertThat(r.minPriceIncrement()).isEqualTo(tick);
        assertThat(r.priceDisplayFormat()).isEqualTo(i.priceDisplayFormat());
        assertThat(r.currencyValuePerIncrement()).isEqualTo(tickValue);
        assertThat(r.underlyingSymbol()).isEqualTo(i.underlyingSymbol());
        assertThat(r.currency()).isEqualTo(i.currency());
        assertThat(r.contractSize()).isEqualTo((double) i.contractSize().orElseThrow().floatValue());
        assertThat(r.hasMarketDepthData()).isEqualTo(i.hasMarketDepth() ? 1 : 0);
        assertThat(r.updatesBidAskOnly()).isEqualTo(i.updatesBidAskOnly() ? 1 : 0);
        assertThat(r.initialMarginRequirement()).isEqualTo(i.initialMargin().map(v -> (double) v.floatValue()).orElse(0.0));
        assertThat(r.maintenanceMarginRequirement()).isEqualTo(i.maintenanceMargin().map(v -> (double) v.floatValue()).orElse(0.0));
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING", "JSON_COMPACT_ENCODING"})
    void shouldSurviveTheWireWithPricesTheClientCanSnapBack(DtcEncoding encoding) {
        WireFormat format = WireFormats.of(encoding);
        for (Instrument i : STARTERS.all()) {
            SecurityDefinitionResponse sent = DEFINITIONS.definition(i, 7, true);
            ByteBuf buf = Unpooled.buffer();
            try {
                format.writeFrame(sent, buf);
                SecurityDefinitionResponse read = (SecurityDefinitionResponse) format.decodeNext(buf, 65_535);
                // The floats of the wire: a client rounds prices to the float tick (FACTS 7.2) and gets them exact.
                double tick = encoding == DtcEncoding.BINARY_ENCODING ? (float) i.tickSize().doubleValue() : i.tickSize().doubleValue();
                double value = encoding == DtcEncoding.BINARY_ENCODING ? (float) i.tickValue().doubleValue() : i.tickValue().doubleValue();
                assertMatches(read, i, tick, value);
                assertThat(i.grid().snap(read.minPriceIncrement() * 21_691)).isEqualTo(i.grid().price(21_691));
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldStateHasMarketDepthDataSoJsonCarriesIt() {
        SecurityDefinitionResponse r = DEFINITIONS.definition(STARTERS.find("ES").orElseThrow(), 1, true);
        ByteBuf buf = Unpooled.buffer();
        try {
            WireFormats.of(DtcEncoding.JSON_ENCODING).writeFrame(r, buf);
            assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"HasMarketDepthData\":1");
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldCarryDatesAsMidnightUtcSeconds() {
        Instrument dated = STARTERS.find("ES").orElseThrow().toBuilder().expirationDate(LocalDate.of(2026, 12, 18))
                .rolloverDate(LocalDate.of(2026, 12, 10)).build();
        SecurityDefinitionResponse r = DEFINITIONS.definition(dated, 1, true);
        assertThat(r.securityExpirationDate()).isEqualTo(LocalDate.of(2026, 12, 18).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        assertThat(r.rolloverDate()).isEqualTo(LocalDate.of(2026, 12, 10).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        assertThat(DEFINITIONS.definition(STARTERS.find("ES").orElseThrow(), 1, true).securityExpirationDate()).isZero();
    }

    @Test
    void shouldRejectAnUnknownSymbolNamingIt() {
        DtcMessage answer = DEFINITIONS.answer(request(9, "ESZ6", null));
        assertThat(answer).isInstanceOf(SecurityDefinitionReject.class);
        SecurityDefinitionReject r = (SecurityDefinitionReject) answer;
        assertThat(r.requestID()).isEqualTo(9);
        assertThat(r.rejectText()).isEqualTo("Unknown symbol ESZ6");
        // Case matters: SC symbols are exact strings.
        assertThat(DEFINITIONS.answer(request(10, "es", null))).isInstanceOf(SecurityDefinitionReject.class);
        assertThat(((SecurityDefinitionReject) DEFINITIONS.answer(request(11, "", null))).rejectText())
                .isEqualTo("SECURITY_DEFINITION_FOR_SYMBOL_REQUEST without a Symbol");
        String longSymbol = "Z".repeat(63);
        assertThat(((SecurityDefinitionReject) DEFINITIONS.answer(request(12, longSymbol, null))).rejectText())
                .isEqualTo("Unknown symbol " + longSymbol);
    }

    @Test
    void shouldAnswerAnUnknownSymbolWithAnEmptyDefinitionWhenAskedTo() {
        SecurityDefinitions lenient = DEFINITIONS.withUnknownSymbols(UnknownSymbols.EMPTY_DEFINITION);
        SecurityDefinitionResponse r = (SecurityDefinitionResponse) lenient.answer(request(5, "ESZ6", "CME"));
        assertThat(r.requestID()).isEqualTo(5);
        assertThat(r.symbol()).isEqualTo("ESZ6");
        assertThat(r.isFinalMessage()).isEqualTo(1);
        assertThat(r.description()).isEmpty();
        assertThat(r.minPriceIncrement()).isZero();
        assertThat(r.securityType()).isEqualTo(SecurityType.UNSET);
        assertThat(r.exchange()).isEmpty();
        assertThat(lenient.answer(request(6, "ES", null))).isInstanceOf(SecurityDefinitionResponse.class)
                .extracting(m -> ((SecurityDefinitionResponse) m).minPriceIncrement()).isEqualTo(0.25);
    }

    @Test
    void shouldIgnoreTheRequestsExchangeAsSierraChartDoesButMatchItWhenUsed() {
        assertThat(DEFINITIONS.answer(request(1, "ES", "EUREX"))).isInstanceOf(SecurityDefinitionResponse.class);

        SecurityDefinitions generic = SecurityDefinitions.of(STARTERS.toBuilder().exchangeField(ExchangeField.USED).build());
        SecurityDefinitionResponse r = (SecurityDefinitionResponse) generic.answer(request(2, "ES", "CME"));
        assertThat(r.exchange()).isEqualTo("CME");
        assertThat(((SecurityDefinitionReject) generic.answer(request(3, "ES", "EUREX"))).rejectText())
                .isEqualTo("Unknown symbol ES on exchange EUREX (it trades on CME)");
        assertThat(((SecurityDefinitionReject) generic.answer(request(4, "FDAX", "EUREX"))).rejectText())
                .isEqualTo("Unknown symbol FDAX on exchange EUREX");
    }

    @Test
    void shouldServeDefinitionsForRestrictedExchangesToo() {
        InstrumentTable restricted = STARTERS.toBuilder().dataRestrictions(DataRestrictions.sierra()).build();
        Instrument es = restricted.find("ES").orElseThrow();
        assertThat(restricted.dataAccess(es)).isEqualTo(DataAccess.REJECTED);
        DtcMessage answer = SecurityDefinitions.of(restricted).answer(request(8, "ES", null));
        assertThat(answer).isInstanceOf(SecurityDefinitionResponse.class);
        assertThat(answer).isEqualTo(DEFINITIONS.answer(request(8, "ES", null)));
    }

    @Test
    void shouldSendUnsolicitedDefinitionsWithTheRequestIdsSierraChartUses() {
        Instrument es = STARTERS.find("ES").orElseThrow();
        SecurityDefinitionResponse auto = DEFINITIONS.autoSend(es);
        assertThat(auto.requestID()).isEqualTo(110_000_000);
        assertThat(auto.isFinalMessage()).isEqualTo(1);
        assertThat(auto.symbol()).isEqualTo("ES");

        SecurityDefinitionResponse relayed = DEFINITIONS.relayed(es, 3);
        assertThat(relayed.requestID()).isEqualTo(3);
        assertThat(relayed.minPriceIncrement()).isEqualTo(0.25);

        List<SecurityDefinitionResponse> list = DEFINITIONS.symbolList(STARTERS.all());
        assertThat(list).extracting(SecurityDefinitionResponse::symbol)
                .containsExactlyElementsOf(STARTERS.all().stream().map(Instrument::symbol).toList());
        assertThat(list).extracting(SecurityDefinitionResponse::requestID).containsOnly(0);
        assertThat(list).extracting(SecurityDefinitionResponse::isFinalMessage).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(DEFINITIONS.symbolList(List.of())).isEmpty();
    }
}
