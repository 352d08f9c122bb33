package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TraceLoggingTest {
    private final Logger trace = (Logger) LoggerFactory.getLogger("dev.dtcharness.client.trace");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private FakeServer server;
    private DtcClient client;

    @BeforeEach
    void listen() {
        lines.start();
        trace.addAppender(lines);
    }

    @AfterEach
    void tearDown() {
        trace.detachAppender(lines);
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldTraceEveryMessageInAndOutByNameWhenAsked() {
        server = new FakeServer((m, peer) -> peer.send(DtcClientTest.update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0)));
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).trace(true).build());
        client.connect();

        client.submit(OrderRequest.limit("ES", Side.BUY, 1, 100)).awaitStatus("OPEN", Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(l -> assertThat(l).startsWith("DTC out").contains("LOGON_REQUEST(1)"))
                .anySatisfy(l -> assertThat(l).startsWith("DTC in").contains("LOGON_RESPONSE(2)"))
                .anySatisfy(l -> assertThat(l).startsWith("DTC out").contains("SUBMIT_NEW_SINGLE_ORDER(208)"))
                .anySatisfy(l -> assertThat(l).startsWith("DTC in").contains("ORDER_UPDATE(301)")));
        assertThat(lines.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\n"));
        assertThat(client.problems().warningCount() + client.problems().errorCount()).as("a clean run").isZero();
    }

    @Test
    void shouldTraceNothingByDefault() {
        // The default is what neither the dtc.debug property nor DEBUG_DTC asks for; trace(...) stays unset.
        assumeFalse("1".equals(System.getenv("DEBUG_DTC")), "DEBUG_DTC=1 in this environment turns tracing on");
        String before = System.clearProperty("dtc.debug");
        try {
            server = new FakeServer((m, peer) -> { });
            client = new DtcClient(DtcClientConfig.builder().port(server.port()).build());
        } finally {
            if (before != null) {
                System.setProperty("dtc.debug", before);
            }
        }

        client.connect();

        assertThat(lines.list).isEmpty();
    }

    @Test
    void shouldTurnTracingOnFromTheSystemProperty() {
        String before = System.getProperty("dtc.debug");
        try {
            System.setProperty("dtc.debug", "true");
            assertThat(DtcClientConfig.builder().build().connection().trace()).isTrue();
            System.setProperty("dtc.debug", "false");
            assertThat(DtcClientConfig.builder().build().connection().trace()).isEqualTo("1".equals(System.getenv("DEBUG_DTC")));
        } finally {
            if (before == null) {
                System.clearProperty("dtc.debug");
            } else {
                System.setProperty("dtc.debug", before);
            }
        }
    }

    @Test
    void shouldCountEveryWarningAndError() {
        ProblemCounter problems = new ProblemCounter();
        org.slf4j.Logger log = LoggerFactory.getLogger(TraceLoggingTest.class);

        problems.warn(log, "one {}", 1);
        problems.error(log, "two {}", 2, new IllegalStateException("x"));

        assertThat(problems.warningCount()).isEqualTo(1);
        assertThat(problems.errorCount()).isEqualTo(1);
        assertThat(problems.recent()).containsExactly("WARN one 1", "ERROR two 2");
    }
}
