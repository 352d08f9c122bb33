package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The store hears every event before the client hears the update that tells it: the order a kill
 * -9 test can only catch by luck, checked at the moment of each send.
 */
class StoreBeforeSendTest {
    private final RecordingStore store = new RecordingStore();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Test
    void shouldKeepEachFillAndOrderStateBeforeSendingItsUpdate() {
        try (OrderEngine engine = new OrderEngine(SimulatorConfig.builder().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build(),
                java.time.Clock.systemUTC(), store)) {
            SessionLink session = new CheckingSession();
            engine.attach(session);
            engine.handle(session, DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID", "K-1").setEnum("OrderType", "ORDER_TYPE_LIMIT").setEnum("BuySell", "BUY")
                    .set("Price1", 4400.0).set("Quantity", 3).setEnum("TimeInForce", "TIF_DAY"));
            SimulatedExchange exchange = new SimulatedExchange(engine);
            String serverOrderId = exchange.workingOrder("K-1").serverOrderId();
            exchange.fill(serverOrderId, 1, 4400);
            exchange.fill(serverOrderId, 2, 4401);
        }
        assertThat(store.fills).hasSize(2);
        assertThat(problems).isEmpty();
    }

    /** Checks, as each message is sent, that the store already has what it tells. */
    private final class CheckingSession extends QuietSession {
        @Override
        public void send(DtcMessage m) {
            if (!m.is("ORDER_UPDATE")) {
                return;
            }
            String execution = m.getString("LastFillExecutionID");
            if (!execution.isEmpty() && !store.fills.contains(execution)) {
                problems.add("fill " + execution + " sent before the store had it");
            }
            String state = m.getString("ServerOrderID") + " " + m.enumName("OrderStatus");
            if (!store.orderStates.contains(state)) {
                problems.add("order state " + state + " sent before the store had it");
            }
        }
    }

    private static final class RecordingStore implements ExchangeStore {
        final List<String> fills = new CopyOnWriteArrayList<>();
        final List<String> orderStates = new CopyOnWriteArrayList<>();

        @Override
        public void replay(StoreEvents into) {
        }

        @Override
        public void clientOrderIdUsed(String clientOrderId) {
        }

        @Override
        public void orderChanged(StoredOrder order) {
            orderStates.add(order.serverOrderId() + " " + order.status());
        }

        @Override
        public void filled(Fill fill, StoredOrder order) {
            fills.add(fill.executionId());
            orderChanged(order);
        }

        @Override
        public void reset(long serverOrderIds, long executionIds) {
        }

        @Override
        public void fillKept(Fill fill) {
        }

        @Override
        public void accountState(String account, double realisedPnl, java.util.Map<String, Position> positions) {
        }

        @Override
        public boolean compactionDue() {
            return false;
        }

        @Override
        public void compact(java.util.function.Consumer<StoreEvents> writeState) {
        }

        @Override
        public void close() {
        }
    }
}
