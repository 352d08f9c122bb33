package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.simulator.session.Session;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that talks is not silent: with a 1 s heartbeat and 2 missed intervals a silent client goes after
 * 2 s, but one whose heartbeats carry a fractional time, one whose every frame fails to decode, and one the
 * simulator itself has stopped reading from all stay.
 */
class SilenceAcceptanceTest {
    private static final Duration DROP = Duration.ofSeconds(2);
    private static final Duration WELL_PAST_DROP = Duration.ofMillis(3_500);
    private static final String LOGON = "{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":1,"
            + "\"ClientName\":\"silence-test\"}";

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .missedHeartbeatsBeforeDrop(2).fillPolicy(FillPolicy.REST_LIMIT_ORDERS).tradeAccounts("SIM1").build());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        simulator.close();
    }

    @Test
    void shouldDropAClientThatSaysNothing() {
        try (RawJsonClient client = new RawJsonClient(simulator.port())) {
            client.send(LOGON);
            client.receive(2);
            await().atLeast(DROP.minusMillis(500)).atMost(Duration.ofSeconds(5)).until(client::isClosedBySimulator);
        }
    }

    @Test
    void shouldKeepAClientWhoseHeartbeatsCarryAFractionalTimeAndTellItOnce() {
        try (RawJsonClient client = new RawJsonClient(simulator.port())) {
            client.send(LOGON);
            client.receive(2);
            AtomicInteger sent = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                client.send("{\"Type\":3,\"CurrentDateTime\":" + System.currentTimeMillis() / 1000.0 + "}");
                sent.incrementAndGet();
            }, 0, 300, TimeUnit.MILLISECONDS);

            await().during(WELL_PAST_DROP).atMost(WELL_PAST_DROP.plusSeconds(2)).until(() -> !client.isClosedBySimulator());
            assertThat(sent.get()).isGreaterThan(5);
            assertThat(simulator.journal().entries()).filteredOn(e -> e.message() != null && e.message().is("HEARTBEAT")
                    && e.message().getLong("CurrentDateTime") > 1_700_000_000L).as("read as heartbeats, whole seconds")
                    .hasSizeGreaterThan(5);
            assertThat(client.received()).filteredOn(m -> m.path("Type").asInt() == 701)
                    .extracting(m -> m.path("MessageText").asText()).as("told once, not at every heartbeat")
                    .singleElement().asString().contains("integer").contains("CurrentDateTime");
            assertThat(client.violations()).isEmpty();
        }
    }

    @Test
    void shouldKeepAClientWhoseFramesFailToDecode() {
        try (RawJsonClient client = new RawJsonClient(simulator.port())) {
            client.send(LOGON);
            client.receive(2);
            ticker.scheduleAtFixedRate(() -> client.send("{\"Type\":3,\"CurrentDateTime\":\"now\"}"),
                    0, 300, TimeUnit.MILLISECONDS);

            await().during(WELL_PAST_DROP).atMost(WELL_PAST_DROP.plusSeconds(2)).until(() -> !client.isClosedBySimulator());
            assertThat(simulator.journal().findings()).as("each frame did arrive, and did not decode")
                    .anyMatch(f -> f.contains("HEARTBEAT (3).CurrentDateTime"));
        }
    }

    @Test
    void shouldNotJudgeSilentAPeerItHasStoppedReadingFrom() {
        try (RawJsonClient client = new RawJsonClient(simulator.port())) {
            client.send(LOGON);
            client.receive(2);
            Session session = simulator.sessions().get(1);
            Channel channel = session.pipeline().channel();
            // What a peer that does not read our answers causes, without the minutes of flooding it takes: the
            // outbound side reports unwritable, and ReadWhileWritable stops reading from the peer.
            channel.eventLoop().execute(() -> channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false));
            await().atMost(Duration.ofSeconds(2)).until(() -> !channel.config().isAutoRead());

            await().during(WELL_PAST_DROP).atMost(WELL_PAST_DROP.plusSeconds(2)).until(channel::isActive);

            // Reading again, it has a whole window to speak, and then it is judged as ever.
            long resumed = System.nanoTime();
            channel.eventLoop().execute(() -> channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true));
            await().atMost(Duration.ofSeconds(5)).until(client::isClosedBySimulator);
            assertThat(Duration.ofNanos(System.nanoTime() - resumed)).isGreaterThan(DROP.minusMillis(300));
        }
    }
}
