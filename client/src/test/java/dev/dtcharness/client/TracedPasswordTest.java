package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client's trace prints every message it sends, its LOGON_REQUEST too, but never the password in it. */
class TracedPasswordTest {
    private static final String PASSWORD = "pw-Client-Hunter2";

    @Test
    void theTraceShowsTheLogonWithItsPasswordMasked() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try (FakeServer server = new FakeServer((m, peer) -> { });
             DtcClient client = new DtcClient(DtcClientConfig.builder().port(server.port()).trace(true)
                     .username("trader").password(PASSWORD).build())) {
            client.connect();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.received().stream()
                    .anyMatch(m -> m.is("LOGON_REQUEST") && PASSWORD.equals(m.getString("Password"))));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(l -> assertThat(l).startsWith("DTC out").contains("LOGON_REQUEST(1)")
                            .contains("Password=***")));
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(l -> l.contains(PASSWORD));
        } finally {
            root.detachAppender(lines);
        }
    }
}
