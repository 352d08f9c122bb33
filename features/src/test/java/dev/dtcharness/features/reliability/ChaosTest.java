package dev.dtcharness.features.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.ConnectionEvent;
import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.client.Side;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.Fill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders through a flaky network: random disconnects and resets, held messages and frames sliced
 * into small writes, all from one seed. Afterwards the client's fills and position equal the
 * simulator's: nothing lost, nothing counted twice. A failure prints the seed; replay it with
 * {@code -Dchaos.seed=<seed>}, and run longer with {@code -Dchaos.orders=20000}.
 */
class ChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosTest.class);
    private static final String ACCOUNT = "SIM1";

    private final long seed = Long.getLong("chaos.seed", System.nanoTime());
    private final int orders = Integer.getInteger("chaos.orders", 1_000);

    @Test
    void fillsAndPositionsMatchTheSimulatorAfterAFlakyNetwork() {
        LOG.info("chaos run: seed {} ({} orders); replay with -Dchaos.seed={}", seed, orders, seed);
        Random random = new Random(seed);
        // Only faults, fills and positions are seeded; thread timing still varies, as on a real network.
        try (DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.defaults().dynamicPort().seed(seed));
             DtcClient client = new DtcClient(DtcClientConfig.builder().port(simulator.port()).tradeAccount(ACCOUNT)
                     .heartbeatIntervalSeconds(1).reconcileOnConnect(true).historicalFillDays(1)
                     .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(20), Duration.ofMillis(200), 10_000)).build())) {
            client.connect();
            AtomicInteger drops = new AtomicInteger();
            client.onConnection(e -> {
                if (e.state() == ConnectionEvent.State.DISCONNECTED) {
                    drops.incrementAndGet();
                }
            });
            Faults faults = new Faults(simulator, random);
            List<OrderHandle> placed = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < orders; i++) {
                int dropsBefore = drops.get();
                if (faults.maybeInject()) {
                    // A strategy stops sending once its link is down; orders written before it noticed are
                    // the ones a real network loses in flight. (The client may be back before a poll sees it gone.)
                    await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10))
                            .until(() -> drops.get() > dropsBefore);
                }
                try {
                    placed.add(client.submit(order(random)));
                } catch (DtcClientException offline) {
                    refused++;
                    await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(20)).until(client::isLoggedOn);
                }
                // A bounded window of acknowledged orders in flight, as a real strategy keeps.
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(20))
                        .until(() -> placed.stream().filter(o -> !o.current().isTerminal()
                                && !o.current().serverOrderId().isEmpty()).count() < 50);
            }
            simulator.faults().clear();
            await().atMost(Duration.ofSeconds(30)).until(client::isLoggedOn);

            String why = "seed " + seed + " (" + faults + ", " + refused + " orders refused while offline)";
            List<Fill> truth = simulator.exchange().fills();
            await().alias("client fills equal the simulator's, " + why).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        assertThat(client.orderBook().ledger().size()).as("fills counted, " + why).isEqualTo(truth.size());
                        assertThat(truth).as("every simulator fill counted by the client, " + why)
                                .allMatch(f -> client.orderBook().ledger().contains(f.executionId()));
                        assertThat(client.positions().position(ACCOUNT, "ES").quantity()).as("position, " + why)
                                .isEqualTo(simulator.exchange().position(ACCOUNT, "ES").quantity());
                    });
            List<Order> acknowledged = placed.stream().map(OrderHandle::current)
                    .filter(o -> !o.serverOrderId().isEmpty()).toList();
            assertThat(acknowledged).as("acknowledged orders all ended, " + why).allMatch(Order::isTerminal);
            assertThat(faults.injected()).as( "faults injected, " + why).isPositive();
            // Orders written just before a drop may never reach the server; DTC gives the client no way
            // to learn of them (fills carry no ClientOrderID), so they stay ORDER_SENT and are counted here.
            long unacknowledged = placed.size() - acknowledged.size();
            LOG.info("chaos run: unacknowledged by status: {}", placed.stream().map(OrderHandle::current)
                    .filter(o -> o.serverOrderId().isEmpty()).collect(java.util.stream.Collectors.groupingBy(
                            o -> o.statusName() + " " + o.infoText().replaceAll("[0-9]+", "N"), java.util.stream.Collectors.counting())));
            LOG.info("chaos run: seed {}: {} orders placed, {} acknowledged, {} never acknowledged (lost in flight "
                    + "or failed locally), {} refused offline, {} fills, {}", seed, placed.size(), acknowledged.size(),
                    unacknowledged, refused, truth.size(), faults);
        }
    }

    private static OrderRequest order(Random random) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        int quantity = 1 + random.nextInt(3);
        return random.nextBoolean() ? OrderRequest.market("ES", side, quantity)
                : OrderRequest.limit("ES", side, quantity, 4400 + random.nextInt(20) * 0.25);
    }

    /** The flaky network: about one fault in 40 orders, of four kinds. */
    private static final class Faults {
        private final DtcSimulator simulator;
        private final Random random;
        private int disconnects;
        private int resets;
        private int delays;
        private int slicings;

        Faults(DtcSimulator simulator, Random random) {
            this.simulator = simulator;
            this.random = random;
        }

        /** True when the fault drops the connection. */
        boolean maybeInject() {
            int dice = random.nextInt(160);
            switch (dice) {
                case 0, 1 -> {
                    disconnects++;
                    simulator.faults().disconnect(0, false);
                    return true;
                }
                case 2, 3 -> {
                    resets++;
                    simulator.faults().disconnect(0, true);
                    return true;
                }
                case 4 -> {
                    delays++;
                    simulator.faults().delayNthMessage(0, 1 + random.nextInt(4), Duration.ofMillis(20 + random.nextInt(80)));
                }
                case 5 -> {
                    slicings++;
                    simulator.faults().sliceFrames(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40));
                }
                default -> {
                    // no fault this time
                }
            }
            return false;
        }

        int injected() {
            return disconnects + resets + delays + slicings;
        }

        @Override
        public String toString() {
            return disconnects + " disconnects, " + resets + " resets, " + delays + " delays, " + slicings + " slicings";
        }
    }
}
