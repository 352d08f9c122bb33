package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import dev.dtcharness.protocol.enums.SecurityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    private static Instrument.Builder es() {
        return Instrument.builder("ES").exchange("CME").securityType(SecurityType.FUTURES)
                .tickSize("0.25").tickValue("12.50");
    }

    @Test
    void shouldKeepEveryValueGivenAndDeriveThePointValue() {
        Instrument i = es().description("E-mini").priceDisplayFormat(PriceDisplayFormat.DECIMAL_2).contractSize("50")
                .underlyingSymbol("ES").expirationDate(LocalDate.of(2026, 12, 18)).rolloverDate(LocalDate.of(2026, 12, 10))
                .initialMargin(new BigDecimal("14000")).maintenanceMargin(new BigDecimal("12700"))
                .hasMarketDepth(false).updatesBidAskOnly(true).build();
        assertThat(i.symbol()).isEqualTo("ES");
        assertThat(i.exchange()).isEqualTo("CME");
        assertThat(i.tickSize()).isEqualByComparingTo("0.25");
        assertThat(i.tickValue()).isEqualByComparingTo("12.5");
        assertThat(i.pointValue()).isEqualByComparingTo("50");
        assertThat(i.contractSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
        assertThat(i.expirationDate()).contains(LocalDate.of(2026, 12, 18));
        assertThat(i.hasMarketDepth()).isFalse();
        assertThat(i.updatesBidAskOnly()).isTrue();
        assertThat(i.currency()).isEqualTo("USD");
        assertThat(i.grid().tickSize()).isEqualByComparingTo("0.25");
        assertThat(i.toBuilder().build()).isEqualTo(i);
        assertThat(i.toBuilder().tickValue("12.49").build()).isNotEqualTo(i);
    }

    @Test
    void shouldDeriveTheDecimalFormatFromTheTickWhenNoneIsGiven() {
        assertThat(es().build().priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DECIMAL_2);
        assertThat(es().tickSize("0.00005").build().priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DECIMAL_5);
        assertThat(es().tickSize("0.10").build().priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DECIMAL_1);
        assertThat(es().tickSize("5").build().priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DECIMAL_0);
        assertThatThrownBy(() -> es().tickSize("0.0000000001").build())
                .hasMessage("ES priceDisplayFormat: missing (expected: a format, since the tick 0.0000000001 needs more than 9 decimals)");
    }

    @Test
    void shouldRefuseADisplayFormatThatCannotShowTheTick() {
        assertThatThrownBy(() -> es().priceDisplayFormat(PriceDisplayFormat.DECIMAL_1).build())
                .isInstanceOf(InstrumentException.class)
                .hasMessage("ES priceDisplayFormat: DECIMAL_1 (expected: a format that can show the tick 0.25, e.g. DECIMAL_2)");
        assertThatThrownBy(() -> es().priceDisplayFormat(PriceDisplayFormat.UNSET).build())
                .hasMessageStartingWith("ES priceDisplayFormat: UNSET (expected:");
        assertThatThrownBy(() -> es().tickSize("0.01").priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32).build())
                .hasMessageContaining("can show the tick 0.01");
        // Finer than needed is allowed: ES in four decimals.
        assertThat(es().priceDisplayFormat(PriceDisplayFormat.DECIMAL_4).build().priceDisplayFormat())
                .isEqualTo(PriceDisplayFormat.DECIMAL_4);
    }

    @Test
    void shouldAcceptFractionalFormatsForBondTicks() {
        // 10-year note: a half of a 32nd; 30-year bond: a 32nd.
        Instrument zn = es().tickSize("0.015625").tickValue("15.625")
                .priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32_HALVES).build();
        Instrument zb = es().tickSize("0.03125").tickValue("31.25").priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32).build();
        assertThat(zn.priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DENOMINATOR_32_HALVES);
        assertThat(zb.priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DENOMINATOR_32);
        assertThatThrownBy(() -> zn.toBuilder().priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32).build())
                .hasMessageContaining("can show the tick 0.015625");
    }

    @Test
    void shouldRefuseTicksAndValuesAClientCannotUse() {
        assertThatThrownBy(() -> es().tickSize("0").build())
                .hasMessage("ES tickSize: 0 (expected: the tick size, a number above 0 such as 0.25)");
        assertThatThrownBy(() -> es().tickSize("-0.25").build()).hasMessageStartingWith("ES tickSize: -0.25 (expected:");
        assertThatThrownBy(() -> es().tickSize((BigDecimal) null).build()).hasMessageStartingWith("ES tickSize: missing");
        assertThatThrownBy(() -> es().tickSize("1e-50").build()).hasMessageContaining("4-byte float");
        assertThatThrownBy(() -> es().tickSize("a quarter")).hasMessage(
                "ES tickSize: \"a quarter\" (expected: a decimal number such as 0.25)");
        assertThatThrownBy(() -> es().tickValue("0").build()).hasMessageStartingWith("ES tickValue: 0 (expected:");
        assertThatThrownBy(() -> es().contractSize("-1").build()).hasMessageStartingWith("ES contractSize: -1");
        assertThatThrownBy(() -> es().securityType(null).build()).hasMessageStartingWith("ES securityType: null");
        assertThatThrownBy(() -> es().securityType(SecurityType.UNSET).build()).hasMessageStartingWith("ES securityType: UNSET");
        assertThatThrownBy(() -> es().initialMargin(new BigDecimal("100")).maintenanceMargin(new BigDecimal("200")).build())
                .hasMessage("ES maintenanceMargin: 200 (expected: at most the initial margin 100)");
        assertThatThrownBy(() -> es().expirationDate(LocalDate.of(2026, 12, 18)).rolloverDate(LocalDate.of(2026, 12, 19)).build())
                .hasMessageStartingWith("ES rolloverDate: 2026-12-19");
    }

    @Test
    void shouldRefuseTextThatDoesNotFitTheResponse() {
        assertThatThrownBy(() -> Instrument.builder(" ").securityType(SecurityType.STOCK).tickSize("0.01").tickValue("0.01").build())
                .hasMessage("symbol: \" \" (expected: a symbol that is not blank)");
        assertThatThrownBy(() -> Instrument.builder("X".repeat(64)).securityType(SecurityType.STOCK).tickSize("0.01")
                .tickValue("0.01").build())
                .hasMessageEndingWith("symbol: 64 characters (expected: at most 63 (Symbol is char[64] in SECURITY_DEFINITION_RESPONSE))");
        assertThatThrownBy(() -> es().exchange("ABCDEFGHIJKLMNOPQ").build())
                .hasMessage("ES exchange: 17 characters (expected: at most 15 (Exchange is char[16] in SECURITY_DEFINITION_RESPONSE))");
        assertThatThrownBy(() -> es().currency(" USD").build()).hasMessageStartingWith("ES currency: \" USD\"");
    }
}
