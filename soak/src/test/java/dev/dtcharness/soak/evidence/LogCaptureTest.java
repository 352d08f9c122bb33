package dev.dtcharness.soak.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogCaptureTest {
    private static final Logger log = LoggerFactory.getLogger("dev.dtcharness.client.SomeHandler");

    @Test
    void shouldCountWarnAndErrorLinesOutsideTheAllowList() {
        try (LogCapture capture = LogCapture.attach(List.of(Pattern.compile("SomeHandler: heartbeat late")))) {
            log.info("order filled");
            log.warn("heartbeat late by {} ms", 12);
            log.warn("order {} was not sent", "SK-1");
            log.error("decoder failed");

            assertThat(capture.unexpected()).isEqualTo(2);
            assertThat(capture.allowed()).isEqualTo(1);
            assertThat(capture.examples()).hasSize(2).first().asString()
                    .contains("WARN", "dev.dtcharness.client.SomeHandler: order SK-1 was not sent");
        }
    }

    @Test
    void shouldStopCountingOnceClosed() {
        LogCapture capture = LogCapture.attach(List.of());
        capture.close();

        log.error("after close");

        assertThat(capture.unexpected()).isZero();
    }
}
