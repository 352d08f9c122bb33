package dev.dtcharness.features.reliability;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.PlatformDependent;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that try to hurt the simulator: each must cost only its own session, while a well-behaved
 * client on the same simulator keeps trading. Sizes are bounded for the default run; raise them with
 * {@code -Dreliability.scale=10}.
 */
class HostilePeersTest {
    private static final int SCALE = Integer.getInteger("reliability.scale", 1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private DtcSimulator simulator;
    private DtcClient wellBehaved;

    @BeforeEach
    void start() {
        simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().missedHeartbeatsBeforeDrop(2).build());
        wellBehaved = new DtcClient(DtcClientConfig.builder().port(simulator.port()).heartbeatIntervalSeconds(1)
                .clientName("well-behaved").build());
        wellBehaved.connect();
    }

    @AfterEach
    void stop() {
        wellBehaved.close();
        simulator.close();
    }

    @Test
    void aSizeOf65535WithNoBodyCostsOnlyThatSessionWhichIsDroppedWhenSilent() throws Exception {
        try (RawPeer peer = new RawPeer(simulator.port())) {
            peer.write(RawPeer.frame(logon(1), DtcEncoding.BINARY_ENCODING));
            peer.write(new byte[] {(byte) 0xFF, (byte) 0xFF, 3, 0});

            assertTrades();
            // No whole message for 2 intervals of 1 s: the simulator treats the peer as gone.
            await().atMost(WAIT).until(peer::isClosedByPeer);
            assertTrades();
        }
    }

    @Test
    void aSlowlorisPeerIsDroppedWhileOthersKeepTrading() throws Exception {
        try (RawPeer peer = new RawPeer(simulator.port())) {
            peer.write(RawPeer.frame(logon(1), DtcEncoding.BINARY_ENCODING));
            byte[] order = RawPeer.frame(DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES")
                    .set("ClientOrderID", "slow").setEnum("BuySell", "BUY").setEnum("OrderType", "ORDER_TYPE_MARKET")
                    .set("Quantity", 1), DtcEncoding.BINARY_ENCODING);
            // One byte every 100 ms: bytes keep coming, but never a whole message within two intervals.
            AtomicLong sent = new AtomicLong();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (sent.get() < order.length) {
                    try {
                        peer.write(new byte[] {order[(int) sent.getAndIncrement()]});
                    } catch (IOException closed) {
                        return true;
                    }
                }
                return peer.isClosedByPeer();
            });
            assertThat(sent.get()).as("bytes the slowloris got in before it was dropped").isLessThan(order.length);
            assertTrades();
        }
    }

    @Test
    void aPeerThatNeverReadsIsStoppedByBackPressureNotBufferedWithoutBound() throws Exception {
        int orders = 200_000 * SCALE;
        ExecutorService flood = Executors.newSingleThreadExecutor();
        // Full speed, so that a simulator without back-pressure would really swallow the flood: no
        // per-order log lines, no leak-tracking stack traces for this test's millions of buffers.
        Logger simulatorLog = (Logger) LoggerFactory.getLogger("dev.dtcharness.simulator");
        Level logLevel = simulatorLog.getLevel();
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        simulatorLog.setLevel(Level.WARN);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try (RawPeer peer = new RawPeer(simulator.port())) {
            peer.write(RawPeer.frame(logon(10), DtcEncoding.BINARY_ENCODING));
            AtomicLong written = new AtomicLong();
            Future<?> writer = flood.submit(() -> {
                for (int i = 0; i < orders; i++) {
                    peer.write(RawPeer.frame(DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES")
                            .set("ClientOrderID", "flood-" + i).setEnum("BuySell", "BUY")
                            .setEnum("OrderType", "ORDER_TYPE_MARKET").set("Quantity", 1), DtcEncoding.BINARY_ENCODING));
                    written.incrementAndGet();
                }
                return null;
            });
            // The writer stalls once the simulator stops reading: nothing more gets in for a whole second.
            AtomicLong last = new AtomicLong(-1);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> last.getAndSet(written.get()) == written.get());
            long directBytes = PlatformDependent.usedDirectMemory();
            assertThat(writer.isDone()).as("the flood was stopped by back-pressure, not swallowed (written %d of %d)",
                    written.get(), orders).isFalse();
            // Unbounded, the answers to the orders written so far would take about 2 KB each.
            assertThat(directBytes).as("direct memory while %d orders were in", written.get()).isLessThan(64L << 20);
            assertTrades();
        } finally {
            flood.shutdownNow();
            flood.awaitTermination(10, TimeUnit.SECONDS);
            simulatorLog.setLevel(logLevel);
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }

    @Test
    void aBurstOfConnectionsLeavesTheSimulatorServing() throws Exception {
        int attempts = 2_000 * SCALE;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < attempts / 8; i++) {
                        try (Socket s = new Socket("127.0.0.1", simulator.port())) {
                            ok++;
                        } catch (IOException refusedWhileBusy) {
                            // a refused connection in a burst is acceptable; the server must survive it
                        }
                    }
                    return ok;
                }));
            }
            int connected = 0;
            for (Future<Integer> r : results) {
                connected += r.get(2, TimeUnit.MINUTES);
            }
            assertThat(connected).as("connections accepted out of " + attempts).isPositive();
            await().atMost(WAIT).until(() -> simulator.sessionCount() == 1);
            assertTrades();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLogonFloodIsAnsweredWithoutHurtingOthers() throws Exception {
        int sessions = 200 * SCALE;
        List<DtcClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                DtcClient c = new DtcClient(DtcClientConfig.builder().port(simulator.port()).clientName("flood-" + i).build());
                clients.add(c);
                c.connect();
            }
            assertThat(clients).allMatch(DtcClient::isLoggedOn);
            assertTrades();
        } finally {
            clients.forEach(DtcClient::close);
        }
        await().atMost(WAIT).until(() -> simulator.sessionCount() == 1);
    }

    private void assertTrades() {
        Order filled = wellBehaved.submit(OrderRequest.market("ES", Side.BUY, 1)).awaitStatus("FILLED", WAIT);
        assertThat(filled).isFilled().hasFilledQuantity(1);
    }

    private static DtcMessage logon(int heartbeatSeconds) {
        return DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", heartbeatSeconds);
    }
}
