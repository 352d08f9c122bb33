package dev.dtcharness.features.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.persist.JsonLinesExchangeStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator (a JVM of its own, with a state directory) killed with SIGKILL at random moments
 * while it fills a live client's orders, restarted on the same port and directory each time; the
 * client reconnects and reconciles. Afterwards the client's history database and state file hold
 * exactly the fills the simulator kept, field for field, each once, and the same position. Seeded:
 * replay with {@code -Dcrash.seed=}; more kills with {@code -Dcrash.simKills=}.
 */
class SimulatorCrashTest {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorCrashTest.class);

    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final int kills = Integer.getInteger("crash.simKills", 5);

    @TempDir
    Path dir;

    @Test
    void theClientsRecordEqualsTheRestartedSimulatorsFills() throws IOException {
        LOG.info("simulator crash run: seed {} ({} kills); replay with -Dcrash.seed={}", seed, kills, seed);
        Random random = new Random(seed);
        long started = System.nanoTime();
        int port = freePort();
        Path state = dir.resolve("simulator-state");
        AtomicInteger fillsHeard = new AtomicInteger();
        ChildJvm simulator = startSimulator(port, state, 0, "fill");
        try (DtcClient client = new DtcClient(DtcClientConfig.builder().port(port).tradeAccount("Sim1")
                .reconcileOnConnect(true).reconnect(ReconnectPolicy.backoff(Duration.ofMillis(50), Duration.ofMillis(500), 10_000))
                .historyDatabase(dir.resolve("history.db")).stateFile(dir.resolve("state.json")).build())) {
            client.onFill((fill, order) -> fillsHeard.incrementAndGet());
            client.connect();
            try (OrderKeeper keeper = new OrderKeeper(client)) {
                for (int kill = 1; kill <= kills; kill++) {
                    int target = fillsHeard.get() + 3 + random.nextInt(58);
                    int round = kill;
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                            .alias("fills flowing before kill " + round).until(() -> fillsHeard.get() >= target);
                    simulator.kill();
                    simulator = startSimulator(port, state, kill, "fill");
                    LOG.info("simulator kill {} of {} after {} fills heard", kill, kills, fillsHeard.get());
                }
                int reconciled = client.reconciliations();
                simulator.kill();
                simulator = startSimulator(port, state, kills + 1, "quiet");
                await().atMost(Duration.ofSeconds(30)).until(() -> client.isLoggedOn() && client.reconciliations() > reconciled);
            }
            simulator.kill();
            List<Fill> kept;
            try (JsonLinesExchangeStore store = new JsonLinesExchangeStore(state)) {
                kept = store.fills();
            }
            double position = kept.stream().filter(f -> f.symbol().equals("ES") && f.tradeAccount().equals("Sim1"))
                    .reduce((a, b) -> b).map(Fill::positionAfter).orElse(0.0);
            AtomicReference<FillRecordCheck> check = new AtomicReference<>();
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    check.set(FillRecordCheck.of(dir.resolve("history.db"), dir.resolve("state.json"), kept, position));
                    return check.get().clean();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("seed " + seed + " (replay with -Dcrash.seed=" + seed + "): " + check.get(), e);
            }
            assertThat(kept).as("the simulator kept fills").isNotEmpty();
            LOG.info("simulator crash run: seed {}, {} kills, {}, position {}, {} compactions, in {} s", seed, kills,
                    check.get(), position, compactions(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            simulator.close();
        }
    }

    private ChildJvm startSimulator(int port, Path state, int run, String mode) {
        ChildJvm jvm = ChildJvm.start(VictimSimulatorMain.class, dir.resolve("simulator-" + run + ".log"),
                Integer.toString(port), state.toString(), mode);
        jvm.awaitLine("READY", Duration.ofSeconds(60));
        return jvm;
    }

    /** Compactions the simulators logged: kills land before, during and after them. */
    private long compactions() throws IOException {
        try (var logs = java.nio.file.Files.list(dir)) {
            return logs.filter(p -> p.getFileName().toString().startsWith("simulator-")).mapToLong(p -> {
                try {
                    return java.nio.file.Files.readAllLines(p).stream().filter(l -> l.contains("compacted")).count();
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
