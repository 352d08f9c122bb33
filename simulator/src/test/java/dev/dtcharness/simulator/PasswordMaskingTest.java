package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.journal.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The password a client logs on with is in no journal entry, admin answer or log line, in any encoding. */
class PasswordMaskingTest {
    private static final String PASSWORD = "pw-Hunter2-secret";
    private static final String NUMERIC_PASSWORD = "987654321";

    @Test
    void aLogonPasswordIsMaskedInTheJournalTheAdminApiAndTheLogs() {
        try (LogCapture logs = new LogCapture();
             DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
                     .credentials("trader", PASSWORD).build())) {
            for (DtcEncoding encoding : List.of(DtcEncoding.BINARY_ENCODING, DtcEncoding.JSON_ENCODING,
                    DtcEncoding.JSON_COMPACT_ENCODING)) {
                try (WireClient client = new WireClient(sim.port(), encoding)) {
                    DtcMessage answer = client.tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                            .set("HeartbeatIntervalInSeconds", 10).set("Username", "trader").set("Password", PASSWORD));
                    assertThat(answer.enumName("Result")).as("%s logon, so the password was read", encoding)
                            .isEqualTo("LOGON_SUCCESS");
                }
            }
            // A password of the wrong JSON type is quoted nowhere either: not in the finding, not in the error.
            try (WireClient client = new WireClient(sim.port(), DtcEncoding.JSON_ENCODING)) {
                client.sendRaw(("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10,\"Password\":"
                        + NUMERIC_PASSWORD + "}\0").getBytes(StandardCharsets.UTF_8));
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().findings().stream()
                        .anyMatch(f -> f.contains("Password")));
            }

            List<JournalEntry> logons = sim.journal().entries(e -> e.message() != null && e.message().is("LOGON_REQUEST"));
            assertThat(logons).as("the logons are journaled").hasSizeGreaterThanOrEqualTo(3);
            assertThat(logons).allSatisfy(e -> assertThat(e.message().getString("Password")).isEqualTo("***"));
            assertThat(sim.journal().entries()).allSatisfy(e -> assertThat(e.line()).doesNotContain(PASSWORD)
                    .doesNotContain(NUMERIC_PASSWORD));

            String journal = new AdminHttp(sim.adminPort()).get("/journal?limit=1000").body();
            assertThat(journal).contains("LOGON_REQUEST").contains("Password=***")
                    .doesNotContain(PASSWORD).doesNotContain(NUMERIC_PASSWORD);

            assertThat(logs.lines()).as("log lines").isNotEmpty()
                    .noneMatch(l -> l.contains(PASSWORD) || l.contains(NUMERIC_PASSWORD));
        }
    }
}
