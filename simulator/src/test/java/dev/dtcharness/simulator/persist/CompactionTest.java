package dev.dtcharness.simulator.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.OrderEngine;
import dev.dtcharness.simulator.exchange.OrderView;
import dev.dtcharness.simulator.exchange.SimulatedExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file past its bound is replaced by a snapshot that rebuilds the same exchange. */
class CompactionTest {
    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheSameExchangeFromACompactedFile() throws Exception {
        List<OrderView> working;
        List<Fill> fills;
        double position;
        double cash;
        String lastOrder;
        try (OrderEngine engine = engine()) {
            SimulatedExchange exchange = new SimulatedExchange(engine);
            for (int i = 0; i < 6; i++) {
                String id = exchange.placeElsewhere("Sim1", "ES", i % 2 == 0 ? "BUY" : "SELL", 4, 4400 + i);
                exchange.fill(id, 1, 4400 + i);
                if (i % 3 == 0) {
                    exchange.fill(id);
                } else if (i % 3 == 1) {
                    exchange.cancel(id, "canceled at the exchange");
                }
            }
            working = exchange.workingOrders();
            fills = exchange.fills();
            position = exchange.position("Sim1", "ES").quantity();
            cash = exchange.cashBalance("Sim1");
            lastOrder = working.get(working.size() - 1).serverOrderId();
        }
        List<String> lines = Files.readAllLines(dir.resolve(JsonLinesExchangeStore.FILE_NAME));
        assertThat(lines.get(0)).as("the file begins with a snapshot").contains("\"event\":\"reset\"");
        assertThat(lines).as("fewer lines than the %d events written", 6 * 3 + fills.size()).hasSizeLessThan(30);

        try (OrderEngine engine = engine()) {
            SimulatedExchange exchange = new SimulatedExchange(engine);
            assertThat(exchange.workingOrders()).isEqualTo(working);
            assertThat(exchange.fills()).isEqualTo(fills);
            assertThat(exchange.position("Sim1", "ES").quantity()).isEqualTo(position);
            assertThat(exchange.cashBalance("Sim1")).isEqualTo(cash).isNotEqualTo(100_000);
            String next = exchange.placeElsewhere("Sim1", "ES", "BUY", 1, 4400);
            assertThat(Long.parseLong(next.substring(1))).as("ids go on").isGreaterThan(Long.parseLong(lastOrder.substring(1)));
            exchange.fill(next);
            assertThat(exchange.fills()).extracting(Fill::executionId).doesNotHaveDuplicates();
        }
    }

    private OrderEngine engine() {
        return new OrderEngine(SimulatorConfig.builder().build(), Clock.systemUTC(), new JsonLinesExchangeStore(dir, 10));
    }
}
