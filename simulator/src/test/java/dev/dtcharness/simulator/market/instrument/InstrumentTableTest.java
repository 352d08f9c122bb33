package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import dev.dtcharness.protocol.enums.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstrumentTableTest {
    private static final InstrumentTable STARTERS = InstrumentTable.starters();

    @Test
    void shouldShipTheSevenStartersInFileOrder() {
        assertThat(STARTERS.all()).extracting(Instrument::symbol)
                .containsExactly("ES", "NQ", "CL", "GC", "6E", "AAPL", "BTCUSD");
        assertThat(STARTERS.exchangeField()).isEqualTo(ExchangeField.IGNORED);
        assertThat(STARTERS.dataRestrictions().isOff()).isTrue();
    }

    @Test
    void shouldGiveEveryStarterTheFieldsA507MustCarry() {
        for (Instrument i : STARTERS.all()) {
            // FACTS 7.2: MinPriceIncrement and PriceDisplayFormat must be set, Description is recommended.
            assertThat(i.securityType()).as(i.symbol()).isNotNull().isNotEqualTo(SecurityType.UNSET);
            assertThat(i.tickSize().signum()).as(i.symbol()).isPositive();
            assertThat(i.priceDisplayFormat()).as(i.symbol()).isNotEqualTo(PriceDisplayFormat.UNSET);
            assertThat(DisplayFormats.shows(i.priceDisplayFormat(), i.tickSize())).as(i.symbol()).isTrue();
            assertThat(i.tickValue().signum()).as(i.symbol()).isPositive();
            assertThat(i.description()).as(i.symbol()).isNotBlank();
            assertThat(i.exchange()).as(i.symbol()).isNotBlank();
            assertThat(i.currency()).as(i.symbol()).isEqualTo("USD");
            // Tick value is the tick times the contract size for every starter: the two figures agree.
            assertThat(i.tickSize().multiply(i.contractSize().orElseThrow())).as(i.symbol()).isEqualByComparingTo(i.tickValue());
            if (i.securityType() == SecurityType.FUTURES) {
                assertThat(i.underlyingSymbol()).as(i.symbol()).isEqualTo(i.symbol());
                assertThat(i.initialMargin()).as(i.symbol()).isPresent();
                assertThat(i.session().opensTheDayBefore()).as(i.symbol()).isTrue();
            }
        }
    }

    @Test
    void shouldCarryTheExchangesContractSpecifications() {
        assertSpec("ES", "CME", "0.25", "12.50", PriceDisplayFormat.DECIMAL_2);
        assertSpec("NQ", "CME", "0.25", "5.00", PriceDisplayFormat.DECIMAL_2);
        assertSpec("CL", "NYMEX", "0.01", "10.00", PriceDisplayFormat.DECIMAL_2);
        assertSpec("GC", "COMEX", "0.10", "10.00", PriceDisplayFormat.DECIMAL_1);
        assertSpec("6E", "CME", "0.00005", "6.25", PriceDisplayFormat.DECIMAL_5);
        assertSpec("AAPL", "NASDAQ", "0.01", "0.01", PriceDisplayFormat.DECIMAL_2);
        assertSpec("BTCUSD", "COINBASE", "0.01", "0.01", PriceDisplayFormat.DECIMAL_2);
        assertThat(STARTERS.find("AAPL").orElseThrow().securityType()).isEqualTo(SecurityType.STOCK);
        // FACTS 7.2: crypto pairs use the forex type.
        assertThat(STARTERS.find("BTCUSD").orElseThrow().securityType()).isEqualTo(SecurityType.FOREX);
        assertThat(STARTERS.find("BTCUSD").orElseThrow().session().days()).hasSize(7);
    }

    private static void assertSpec(String symbol, String exchange, String tick, String tickValue, PriceDisplayFormat format) {
        Instrument i = STARTERS.find(symbol).orElseThrow();
        assertThat(i.exchange()).isEqualTo(exchange);
        assertThat(i.tickSize()).as(symbol).isEqualByComparingTo(tick);
        assertThat(i.tickValue()).as(symbol).isEqualByComparingTo(tickValue);
        assertThat(i.priceDisplayFormat()).as(symbol).isEqualTo(format);
    }

    @Test
    void shouldMatchSymbolsExactlyAndIgnoreTheExchangeAsSierraChartDoes() {
        assertThat(STARTERS.find("ES")).isPresent();
        assertThat(STARTERS.find("es")).isEmpty();
        assertThat(STARTERS.find("ESZ6")).isEmpty();
        assertThat(STARTERS.find(null)).isEmpty();
        assertThat(STARTERS.find("ES", "EUREX")).isPresent();
        assertThat(STARTERS.find("ES", "")).isPresent();
    }

    @Test
    void shouldMatchTheExchangeWhenTheTableUsesIt() {
        InstrumentTable generic = STARTERS.toBuilder().exchangeField(ExchangeField.USED).build();
        assertThat(generic.find("ES", "CME")).isPresent();
        assertThat(generic.find("ES", "cme")).isPresent();
        assertThat(generic.find("ES", "")).isPresent();
        assertThat(generic.find("ES", "EUREX")).isEmpty();
        assertThat(ExchangeField.USED.symbolExchangeDelimiter()).isEqualTo("-");
        assertThat(ExchangeField.IGNORED.symbolExchangeDelimiter()).isEmpty();
    }

    @Test
    void shouldBuildATableInJavaAndRefuseADuplicateSymbol() {
        Instrument zn = Instrument.builder("ZNH27").exchange("CBOT").securityType(SecurityType.FUTURES).tickSize("0.015625")
                .tickValue("15.625").priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32_HALVES)
                .expirationDate(LocalDate.of(2027, 3, 22)).build();
        InstrumentTable t = InstrumentTable.builder().addAll(STARTERS).add(zn).build();
        assertThat(t.size()).isEqualTo(8);
        assertThat(t.find("ZNH27")).contains(zn);
        assertThatThrownBy(() -> InstrumentTable.builder().add(zn).add(zn))
                .hasMessage("symbol: \"ZNH27\" (expected: a symbol not already in the table)");
        Instrument wider = STARTERS.find("ES").orElseThrow().toBuilder().tickValue("25").tickSize("0.5").build();
        assertThat(STARTERS.toBuilder().put(wider).build().find("ES").orElseThrow().tickSize()).isEqualByComparingTo("0.5");
        assertThat(STARTERS.find("ES").orElseThrow().tickSize()).isEqualByComparingTo("0.25");
    }

    @Test
    void shouldRestrictMarketDataOnlyWhenAskedTo() {
        Instrument es = STARTERS.find("ES").orElseThrow();
        Instrument aapl = STARTERS.find("AAPL").orElseThrow();
        Instrument btc = STARTERS.find("BTCUSD").orElseThrow();
        assertThat(STARTERS.dataAccess(es)).isEqualTo(DataAccess.SERVED);

        InstrumentTable sierra = STARTERS.toBuilder().dataRestrictions(DataRestrictions.sierra()).build();
        assertThat(sierra.dataAccess(es)).isEqualTo(DataAccess.REJECTED);
        assertThat(sierra.dataAccess(STARTERS.find("CL").orElseThrow())).isEqualTo(DataAccess.REJECTED);
        assertThat(sierra.dataAccess(STARTERS.find("GC").orElseThrow())).isEqualTo(DataAccess.REJECTED);
        assertThat(sierra.dataAccess(aapl)).isEqualTo(DataAccess.REJECTED);
        assertThat(sierra.dataAccess(btc)).isEqualTo(DataAccess.SERVED);
        assertThat(sierra.dataRestrictions().rejectText(es))
                .isEqualTo("Market data for ES is not available over this DTC server: CME data is restricted");

        InstrumentTable zeros = STARTERS.toBuilder().dataRestrictions(DataRestrictions.of(DataAccess.ZERO_SNAPSHOT, Set.of("cme")))
                .build();
        assertThat(zeros.dataAccess(es)).isEqualTo(DataAccess.ZERO_SNAPSHOT);
        assertThat(zeros.dataAccess(aapl)).isEqualTo(DataAccess.SERVED);
        assertThatThrownBy(() -> DataRestrictions.of(DataAccess.REJECTED, Set.of(" ")))
                .hasMessageStartingWith("dataRestrictions.exchanges: [ ] (expected:");
    }

    @Test
    void shouldCutARejectTextToTheField() {
        Instrument longName = Instrument.builder("X".repeat(63)).exchange("CME").securityType(SecurityType.FUTURES)
                .tickSize(new BigDecimal("1")).tickValue(new BigDecimal("1")).build();
        String text = DataRestrictions.sierra().rejectText(longName);
        assertThat(text).hasSize(95).endsWith("...");
    }
}
