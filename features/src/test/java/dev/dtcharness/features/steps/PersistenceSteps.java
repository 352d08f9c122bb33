package dev.dtcharness.features.steps;

import static dev.dtcharness.features.support.Waits.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.track.Position;
import dev.dtcharness.features.support.ClientDriver;
import dev.dtcharness.features.support.TradingWorld;
import io.cucumber.java.en.Then;
import java.util.List;

/** What the client wrote down: the history database and the state file, read as another process would. */
public class PersistenceSteps {
    private final ClientDriver client;
    private final TradingWorld world;

    public PersistenceSteps(ClientDriver client, TradingWorld world) {
        this.client = client;
        this.world = world;
    }

    @Then("the history database holds {int} orders and {int} fills, each fill once")
    public void theHistoryDatabaseHolds(int orders, int fills) {
        List<String> placed = world.orders().stream().map(o -> o.clientOrderId()).toList();
        SOON.alias("history database").untilAsserted(() -> {
            try (OrderHistoryDb db = new OrderHistoryDb(client.recordsDir().resolve("history.db"))) {
                assertThat(db.orders()).extracting(Order::clientOrderId).containsExactlyInAnyOrderElementsOf(placed);
                assertThat(db.orders()).hasSize(orders).allMatch(Order::isFilled);
                List<String> executionIds = db.fills().stream().map(Fill::executionId).toList();
                assertThat(executionIds).hasSize(fills).doesNotHaveDuplicates();
            }
        });
    }

    @Then("the state file shows a position of {int} {word}")
    public void theStateFileShowsAPosition(int quantity, String symbol) {
        SOON.alias("state file position").untilAsserted(() -> {
            StateFile.State state = new StateFile(client.recordsDir().resolve("state.json")).read();
            assertThat(state.positions()).filteredOn(p -> p.symbol().equals(symbol))
                    .extracting(Position::quantity).containsExactly((double) quantity);
            assertThat(state.openOrders()).as("open orders").isEmpty();
        });
    }
}
