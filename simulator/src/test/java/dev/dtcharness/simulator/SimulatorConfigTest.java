package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.market.instrument.InstrumentTable;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings' idiom: a flat builder, groups by concern to read, one error style, nothing changes once built. */
class SimulatorConfigTest {

    @Test
    void shouldReadEachSettingFromItsGroup() {
        SimulatorConfig config = SimulatorConfig.builder().host("127.0.0.2").dynamicPort().ioThreads(2)
                .refuseEncodings(DtcEncoding.JSON_ENCODING).seed(7).serverName("Test Server").credentials("u", "p")
                .logonOutcome(LogonOutcome.ERROR).stateDirectory(Path.of("state")).stateCompactAfterEvents(5)
                .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).marketPrice("ES", 4500.25).tradeAccounts("A", "B")
                .journalCapacity(3).finishedOrdersKept(4).fillHistoryCapacity(6).sessionOutboundLimit(8192)
                .adminPort(0).adminToken("secret").build();

        assertThat(config.connection().host()).isEqualTo("127.0.0.2");
        assertThat(config.connection().port()).isZero();
        assertThat(config.connection().ioThreads()).isEqualTo(2);
        assertThat(config.connection().refusedEncodings()).containsExactly(DtcEncoding.JSON_ENCODING);
        assertThat(config.connection().seed()).isEqualTo(7);
        assertThat(config.logon()).isEqualTo(new SimulatorConfig.Logon("Test Server", LogonOutcome.ERROR, "u", "p"));
        assertThat(config.storage()).isEqualTo(new SimulatorConfig.Storage(Path.of("state"), 5));
        assertThat(config.exchange().fillPolicy()).isEqualTo(FillPolicy.REST_LIMIT_ORDERS);
        assertThat(config.exchange().marketPrice("ES")).isEqualTo(4500.25);
        assertThat(config.exchange().marketPrice("NQ")).isEqualTo(SimulatorConfig.DEFAULT_MARKET_PRICE);
        assertThat(config.exchange().tradeAccounts()).containsExactly("A", "B");
        assertThat(config.limits()).isEqualTo(new SimulatorConfig.Limits(3, 4, 6, 8192));
        assertThat(config.admin()).isEqualTo(new SimulatorConfig.Admin(0, "secret"));
    }

    @Test
    void shouldNotChangeABuiltConfigWhenItsBuilderOrACopyChanges() {
        SimulatorConfig.Builder builder = SimulatorConfig.builder().marketPrice("ES", 1);
        SimulatorConfig first = builder.build();
        builder.marketPrice("ES", 2).port(1234);
        SimulatorConfig changed = first.toBuilder().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build();

        assertThat(first.exchange().marketPrice("ES")).isEqualTo(1);
        assertThat(first.connection().port()).isEqualTo(SimulatorConfig.DEFAULT_PORT);
        assertThat(first.exchange().fillPolicy()).isEqualTo(FillPolicy.FILL_AT_ONCE);
        assertThat(changed.exchange().fillPolicy()).isEqualTo(FillPolicy.REST_LIMIT_ORDERS);
        assertThat(changed.exchange().marketPrice("ES")).as("the copy keeps the rest").isEqualTo(1);
        assertThatThrownBy(() -> first.exchange().marketPrices().put("NQ", 3.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SimulatorConfig.builder().build().admin().enabled()).as("no admin API by default").isFalse();
    }

    @Test
    void shouldServeTheStarterInstrumentsUnlessGivenATableWhichACopyKeeps() {
        InstrumentTable own = InstrumentTable.builder().build();
        SimulatorConfig config = SimulatorConfig.builder().instruments(own).build();

        assertThat(SimulatorConfig.builder().build().exchange().instruments()).isSameAs(InstrumentTable.starters());
        assertThat(config.exchange().instruments()).isSameAs(own);
        assertThat(config.toBuilder().port(1234).build().exchange().instruments()).isSameAs(own);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(b -> b.port(70_000), "port: 70000 (expected: 0 for any free port, or 1 to 65535)"),
                invalid(b -> b.ioThreads(0), "ioThreads: 0 (expected: at least 1)"),
                invalid(b -> b.missedHeartbeatsBeforeDrop(0), "missedHeartbeatsBeforeDrop: 0 (expected: at least 1)"),
                invalid(b -> b.sessionPassBudget(-1), "sessionPassBudget: -1 (expected: at least 1)"),
                invalid(b -> b.host(null), "host: null (expected: a value)"),
                invalid(b -> b.stateCompactAfterEvents(0), "stateCompactAfterEvents: 0 (expected: at least 1)"),
                invalid(b -> b.defaultMarketPrice(-1), "defaultMarketPrice: -1.0 (expected: a price of at least 0, at most 1e9)"),
                invalid(b -> b.marketPrice("ES", Double.NaN), "marketPrice ES: NaN (expected: a price of at least 0, at most 1e9)"),
                invalid(b -> b.tradeAccounts(), "tradeAccounts: [] (expected: one or more different, non-empty names, e.g. Sim1)"),
                invalid(b -> b.startingCashBalance(Double.POSITIVE_INFINITY), "startingCashBalance: Infinity (expected: a finite number)"),
                invalid(b -> b.journalCapacity(0), "journalCapacity: 0 (expected: at least 1)"),
                invalid(b -> b.finishedOrdersKept(0), "finishedOrdersKept: 0 (expected: at least 1)"),
                invalid(b -> b.fillHistoryCapacity(0), "fillHistoryCapacity: 0 (expected: at least 1)"),
                invalid(b -> b.sessionOutboundLimit(4095), "sessionOutboundLimit: 4095 (expected: at least 4096 bytes)"),
                invalid(b -> b.adminPort(-2), "adminPort: -2 (expected: -1 for off, 0 for any free port, or 1 to 65535)"),
                invalid(b -> b.instruments(null), "instruments: null (expected: an instrument table)"),
                invalid(b -> b.adminToken(" "), "adminToken: a blank text (expected: null for none, or a secret)"));
    }

    private static Arguments invalid(UnaryOperator<SimulatorConfig.Builder> setting, String message) {
        return Arguments.of(setting, message);
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void shouldRefuseAValueOutOfRangeWhenBuiltNamingTheSettingTheValueAndWhatIsExpected(
            UnaryOperator<SimulatorConfig.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.apply(SimulatorConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
