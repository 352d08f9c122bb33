package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.encodingRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logon outcomes, credentials and encoding settings (FACTS.md 1.7, 2.1). */
class LogonSettingsAcceptanceTest {

    @Test
    void shouldAnswerTheConfiguredLogonErrorAndClose() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .logonOutcome(LogonOutcome.ERROR_NO_RECONNECT).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING)) {
            DtcMessage response = client.tryLogOn(logon("u", "p"));
            assertThat(response.enumName("Result")).isEqualTo("LOGON_ERROR_NO_RECONNECT");
            assertThat(response.getString("ResultText")).contains("LOGON_ERROR_NO_RECONNECT");
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void shouldCheckUsernameAndPasswordWhenRequired() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().credentials("trader", "s3cret").build());
             WireClient wrong = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING);
             WireClient right = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING)) {
            assertThat(wrong.tryLogOn(logon("trader", "guess")).enumName("Result")).isEqualTo("LOGON_ERROR");
            assertThat(right.tryLogOn(logon("trader", "s3cret")).enumName("Result")).isEqualTo("LOGON_SUCCESS");
        }
    }

    @Test
    void shouldRefuseAnEncodingBySoAnsweringWithTheCurrentOne() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .refuseEncodings(DtcEncoding.JSON_ENCODING).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.BINARY_ENCODING)) {
            client.send(encodingRequest(DtcEncoding.JSON_ENCODING));
            assertThat(client.receive("ENCODING_RESPONSE").getLong("Encoding"))
                    .isEqualTo(DtcEncoding.BINARY_ENCODING.code());
            client.logOn();
        }
    }

    @Test
    void shouldServeAPresetEncodingFromTheFirstByte() {
        try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .presetEncoding(DtcEncoding.JSON_ENCODING).build());
             WireClient client = new WireClient(sim.port(), DtcEncoding.JSON_ENCODING)) {
            client.send(encodingRequest(DtcEncoding.BINARY_ENCODING));
            assertThat(client.receive("ENCODING_RESPONSE").getLong("Encoding"))
                    .as("a preset server answers with its own encoding").isEqualTo(DtcEncoding.JSON_ENCODING.code());
            client.logOn();
        }
    }

    private static DtcMessage logon(String user, String password) {
        return DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", 10)
                .set("Username", user).set("Password", password);
    }
}
