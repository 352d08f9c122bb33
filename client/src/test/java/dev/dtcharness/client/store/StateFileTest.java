package dev.dtcharness.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.client.track.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplaceTheFileWholeAndReadBackWhatWasWritten() throws Exception {
        StateFile state = new StateFile(dir.resolve("state.json"));
        Order open = new Order("C1", "S1", "ES", "", "SIM1", Side.BUY, 7, 100, 2, 0, 2, Double.NaN, Double.NaN, 0, "",
                OrderStatus.OPEN.value(), 2, "", 1);
        Position long2 = new Position("SIM1", "ES", 2, 100.25, 3.5);

        state.write(List.of(), List.of());
        state.write(List.of(open), List.of(long2));

        StateFile.State read = new StateFile(dir.resolve("state.json")).read();
        assertThat(read.openOrders()).singleElement().satisfies(o -> {
            assertThat(o).as("record equality treats NaN as equal").isEqualTo(open);
            assertThat(o.averageFillPrice()).isNaN();
        });
        assertThat(read.positions()).containsExactly(long2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("state.json");
        }
    }

    @Test
    void shouldReadAnEmptyStateWhenThereIsNoFileYet() {
        StateFile.State read = new StateFile(dir.resolve("missing.json")).read();

        assertThat(read.openOrders()).isEmpty();
        assertThat(read.positions()).isEmpty();
    }
}
