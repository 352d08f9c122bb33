package dev.dtcharness.features.steps;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.support.Waits.SOON;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.track.Position;
import dev.dtcharness.features.support.RecordsOnDisk;
import dev.dtcharness.features.support.Trader;
import dev.dtcharness.features.support.TradingWorld;
import io.cucumber.java.en.Then;
import java.util.List;

/** What the client wrote down: the history database and the state file, read as another process would. */
public class PersistenceSteps {
    private final Trader trader;
    private final TradingWorld world;

    public PersistenceSteps(Trader trader, TradingWorld world) {
        this.trader = trader;
        this.world = world;
    }

    @Then("the history database holds {int} orders and {int} fills, each fill once")
    public void theHistoryDatabaseHolds(int orders, int fills) {
        List<String> placed = world.orders().stream().map(o -> o.clientOrderId()).toList();
        SOON.alias("history database").untilAsserted(() -> {
            RecordsOnDisk records = trader.recordsOnDisk();
            List<Order> recorded = records.historyOrders();
            assertThat(recorded).extracting(Order::clientOrderId).containsExactlyInAnyOrderElementsOf(placed);
            assertThat(recorded).hasSize(orders).allSatisfy(o -> assertThat(o).isFilled());
            assertThat(records.historyFills()).extracting(Fill::executionId).hasSize(fills).doesNotHaveDuplicates();
        });
    }

    @Then("the state file shows a position of {int} {word}")
    public void theStateFileShowsAPosition(int quantity, String symbol) {
        SOON.alias("state file position").untilAsserted(() -> {
            StateFile.State state = trader.recordsOnDisk().stateFile();
            assertThat(state.positions()).filteredOn(p -> p.symbol().equals(symbol))
                    .extracting(Position::quantity).containsExactly((double) quantity);
            assertThat(state.openOrders()).as("open orders").isEmpty();
        });
    }
}
