package dev.dtcharness.features.support;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import java.nio.file.Path;
import java.util.List;

/** What the client wrote in its records directory, each read afresh from disk as another process would. */
public final class RecordsOnDisk {
    private final Path dir;

    RecordsOnDisk(Path dir) {
        this.dir = dir;
    }

    /** The orders in the history database. */
    public List<Order> historyOrders() {
        try (OrderHistoryDb db = new OrderHistoryDb(dir.resolve("history.db"))) {
            return db.orders();
        }
    }

    /** The fills in the history database, as recorded (a fill recorded twice appears twice). */
    public List<Fill> historyFills() {
        try (OrderHistoryDb db = new OrderHistoryDb(dir.resolve("history.db"))) {
            return db.fills();
        }
    }

    /** The state file: open orders and positions. */
    public StateFile.State stateFile() {
        return new StateFile(dir.resolve("state.json")).read();
    }
}
