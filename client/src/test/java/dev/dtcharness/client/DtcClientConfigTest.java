package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Flat builder in, settings grouped by concern out; every invalid value fails in one error style. */
class DtcClientConfigTest {

    @Test
    void shouldGroupTheSettingsByConcern() {
        DtcClientConfig c = DtcClientConfig.builder().host("10.0.0.7").port(11199).heartbeatIntervalSeconds(3)
                .tradeAccount("ACC9").reconcileOnConnect(true).historicalFillDays(2).stateFile(Path.of("s.json"))
                .retainFinishedOrders(7).maxUnsentBytes(4096).build();

        assertThat(c.connection().address()).isEqualTo("10.0.0.7:11199");
        assertThat(c.connection().heartbeatIntervalSeconds()).isEqualTo(3);
        assertThat(c.logon().tradeAccount()).isEqualTo("ACC9");
        assertThat(c.logon().logonTradeAccount()).as("an account chosen is sent in the logon").isEqualTo("ACC9");
        assertThat(c.recovery().reconcileOnConnect()).isTrue();
        assertThat(c.recovery().historicalFillDays()).isEqualTo(2);
        assertThat(c.storage().stateFile()).isEqualTo(Path.of("s.json"));
        assertThat(c.storage().historyDatabase()).isNull();
        assertThat(c.limits().retainFinishedOrders()).isEqualTo(7);
        assertThat(c.limits().maxUnsentBytes()).isEqualTo(4096);
    }

    @Test
    void shouldSendNoAccountInTheLogonUnlessOneWasChosen() {
        DtcClientConfig c = DtcClientConfig.builder().build();

        assertThat(c.logon().tradeAccount()).isEqualTo("Sim1");
        assertThat(c.logon().logonTradeAccount()).isEmpty();
        assertThat(c.recovery().reconnect()).isEqualTo(ReconnectPolicy.DEFAULT);
        assertThat(c.recovery().fillsOverlap()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldNameTheSettingItsValueAndWhatWasExpected() {
        assertThatThrownBy(() -> DtcClientConfig.builder().port(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port: 0 (expected: 1 to 65535)");
        assertThatThrownBy(() -> DtcClientConfig.builder().port(65_536).build())
                .hasMessage("port: 65536 (expected: 1 to 65535)");
        assertThatThrownBy(() -> DtcClientConfig.builder().heartbeatIntervalSeconds(0).build())
                .hasMessage("heartbeatIntervalSeconds: 0 (expected: 1 or more)");
        assertThatThrownBy(() -> DtcClientConfig.builder().connectTimeout(Duration.ZERO).build())
                .hasMessage("connectTimeout: PT0S (expected: a positive duration)");
        assertThatThrownBy(() -> DtcClientConfig.builder().historicalFillDays(0).build())
                .hasMessage("historicalFillDays: 0 (expected: 1 or more: Sierra Chart rejects 0)");
        assertThatThrownBy(() -> DtcClientConfig.builder().maxUnsentBytes(1).build())
                .hasMessage("maxUnsentBytes: 1 (expected: 2 or more)");
        assertThatThrownBy(() -> DtcClientConfig.builder().retainFinishedOrders(-1))
                .hasMessage("retainFinishedOrders: -1 (expected: 0 or more)");
        assertThatThrownBy(() -> DtcClientConfig.builder().fillsOverlap(Duration.ofSeconds(-1)))
                .hasMessage("fillsOverlap: PT-1S (expected: zero or more, or null)");
        assertThatThrownBy(() -> DtcClientConfig.builder().host(" ").build())
                .hasMessage("host: \" \" (expected: a host name or address)");
    }

    @Test
    void shouldNotPutATooLongPasswordInItsError() {
        String password = "p".repeat(300);

        assertThatThrownBy(() -> DtcClientConfig.builder().password(password).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("password: 300 characters (expected: at most ")
                .hasMessageEndingWith(", the size of LOGON_REQUEST.Password)")
                .hasMessageNotContaining(password);
        assertThat(DtcClientConfig.builder().password("secret").build().logon().toString()).doesNotContain("secret");
    }
}
