package dev.dtcharness.simulator.exchange;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the exchange keeps what must survive the simulator's process. Each event is durable when
 * its method returns; the engine sends the ORDER_UPDATE only after that. {@link #NONE} keeps nothing.
 */
public interface ExchangeStore extends StoreEvents, AutoCloseable {
    ExchangeStore NONE = new ExchangeStore() {
        @Override
        public void replay(StoreEvents into) {
        }

        @Override
        public void clientOrderIdUsed(String clientOrderId) {
        }

        @Override
        public void orderChanged(StoredOrder order) {
        }

        @Override
        public void filled(Fill fill, StoredOrder order) {
        }

        @Override
        public void reset(long serverOrderIds, long executionIds) {
        }

        @Override
        public void fillKept(Fill fill) {
        }

        @Override
        public void accountState(String account, double realisedPnl, Map<String, Position> positions) {
        }

        @Override
        public boolean compactionDue() {
            return false;
        }

        @Override
        public void compact(Consumer<StoreEvents> writeState) {
        }

        @Override
        public void close() {
        }
    };

    /** Tells {@code into} every event kept, oldest first. */
    void replay(StoreEvents into);

    /** True when the events kept have grown well past what a snapshot of the state would take. */
    boolean compactionDue();

    /**
     * Replaces everything kept with a snapshot: {@code writeState} tells the given events the whole
     * state as it stands. A crash before the snapshot is complete leaves the old events in place.
     */
    void compact(Consumer<StoreEvents> writeState);

    @Override
    void close();
}
