package dev.dtcharness.simulator.exchange;

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
        public void close() {
        }
    };

    /** Tells {@code into} every event kept, oldest first. */
    void replay(StoreEvents into);

    @Override
    void close();
}
