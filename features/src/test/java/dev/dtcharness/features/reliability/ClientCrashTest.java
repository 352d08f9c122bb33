package dev.dtcharness.features.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trading app (a JVM of its own) killed with SIGKILL at random moments while fills stream in,
 * restarted on its history database and state file each time: after every restart and
 * reconciliation its record holds every fill the exchange made exactly once, and its position is
 * the exchange's. Seeded: the seed is logged, replay with {@code -Dcrash.seed=}; more kills with
 * {@code -Dcrash.kills=50}.
 */
class ClientCrashTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCrashTest.class);

    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final int kills = Integer.getInteger("crash.kills", 8);

    @TempDir
    Path dir;

    @Test
    void everyFillIsRecordedExactlyOnceAfterEachKillAndRestart() {
        LOG.info("client crash run: seed {} ({} kills); replay with -Dcrash.seed={}", seed, kills, seed);
        Random random = new Random(seed);
        long started = System.nanoTime();
        try (DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build());
             SteadyFiller filler = new SteadyFiller(simulator.exchange(), 4)) {
            AtomicReference<ChildJvm> victim = new AtomicReference<>(startVictim(simulator, 0));
            try {
                FillRecordCheck last = null;
                for (int kill = 1; kill <= kills; kill++) {
                    // A random moment: after 3 to 60 more fills at the exchange, some of them still on their way.
                    int target = simulator.exchange().fills().size() + 3 + random.nextInt(58);
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                            .alias("fills flowing before kill " + kill)
                            .until(() -> simulator.exchange().fills().size() >= target);
                    victim.get().kill();
                    // The exchange fills on while the app is down, then holds still for the comparison.
                    int whileDown = simulator.exchange().fills().size() + random.nextInt(10);
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                            .until(() -> simulator.exchange().fills().size() >= whileDown
                                    || simulator.exchange().workingOrders().isEmpty());
                    filler.pause();
                    victim.set(startVictim(simulator, kill));
                    last = awaitCleanRecord(simulator, kill);
                    LOG.info("kill {} of {}: {}", kill, kills, last);
                    filler.resume();
                }
                LOG.info("client crash run: seed {}, {} kills, {} in {} s", seed, kills, last,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
            } finally {
                victim.get().close();
            }
        }
    }

    private ChildJvm startVictim(DtcSimulator simulator, int run) {
        ChildJvm jvm = ChildJvm.start(VictimClientMain.class, dir.resolve("victim-" + run + ".log"),
                Integer.toString(simulator.port()), dir.toString());
        jvm.awaitLine("RECONCILED", Duration.ofSeconds(60));
        return jvm;
    }

    /** The record settles once the restarted app has heard everything; a problem that stays is the failure. */
    private FillRecordCheck awaitCleanRecord(DtcSimulator simulator, int kill) {
        AtomicReference<FillRecordCheck> check = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                check.set(FillRecordCheck.of(dir.resolve("history.db"), dir.resolve("state.json"),
                        simulator.exchange().fills(), simulator.exchange().position("Sim1", "ES").quantity()));
                return check.get().clean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("after kill " + kill + " (seed " + seed + ", replay with -Dcrash.seed=" + seed
                    + "): " + check.get(), e);
        }
        assertThat(check.get().lost()).isZero();
        assertThat(check.get().doubled()).isZero();
        return check.get();
    }
}
