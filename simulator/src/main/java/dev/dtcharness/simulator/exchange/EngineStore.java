package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;

/**
 * The engine's side of its {@link ExchangeStore}: turns its changes into store events before the
 * messages that tell them are sent, and on start replays what the store kept into the engine.
 * Without a store every call returns at once.
 */
final class EngineStore implements StoreEvents {
    private final OrderEngine engine;
    private final ExchangeStore store;
    private final boolean on;
    private boolean replaying;

    EngineStore(OrderEngine engine, ExchangeStore store) {
        this.engine = engine;
        this.store = store;
        this.on = store != ExchangeStore.NONE;
    }

    /** Before {@code m} about {@code o} is sent: an ORDER_UPDATE's order state is kept first. */
    void beforeSending(Order o, DtcMessage m) {
        if (on && m.is("ORDER_UPDATE") && !isFill(m)) {
            store.orderChanged(StoredOrder.of(o));
            compactWhenDue();
        }
    }

    /** A fill carries its order's state in the same event, so its ORDER_UPDATE needs no second write. */
    private static boolean isFill(DtcMessage m) {
        return m.isSet("LastFillExecutionID");
    }

    void fill(Order o, Fill f) {
        if (on) {
            store.filled(f, StoredOrder.of(o));
            compactWhenDue();
        }
    }

    void clientOrderId(String id) {
        if (on) {
            store.clientOrderIdUsed(id);
            compactWhenDue();
        }
    }

    void reset() {
        if (on && !replaying) {
            store.reset(engine.serverOrderIds, engine.executionIds);
        }
    }

    /** Brings the engine to where the store's events left it. Runs before the engine takes work. */
    void restore() {
        if (on) {
            replaying = true;
            store.replay(this);
            replaying = false;
            compactWhenDue();
        }
    }

    /** Between two events the state is whole, so a snapshot of it can replace every event so far. */
    private void compactWhenDue() {
        if (store.compactionDue()) {
            store.compact(this::writeState);
        }
    }

    /** The whole state as events that rebuild it: counters, used ids, accounts, fills, then orders. */
    private void writeState(StoreEvents out) {
        out.reset(engine.serverOrderIds, engine.executionIds);
        engine.usedClientOrderIds.all().forEach(out::clientOrderIdUsed);
        for (String account : engine.accounts.names()) {
            out.accountState(account, engine.accounts.realised(account), engine.accounts.positions(account));
        }
        engine.fills.all().forEach(out::fillKept);
        // Finished first: replayed in this order, each map keeps the order it has now.
        engine.orders.finished().forEach(o -> out.orderChanged(StoredOrder.of(o)));
        engine.orders.working().forEach(o -> out.orderChanged(StoredOrder.of(o)));
    }

    void close() {
        store.close();
    }

    // ---- replay: the events applied as the live engine applied them

    @Override
    public void clientOrderIdUsed(String clientOrderId) {
        engine.usedClientOrderIds.add(clientOrderId);
    }

    @Override
    public void orderChanged(StoredOrder stored) {
        count(stored.serverOrderId());
        putBack(stored, restored(stored));
    }

    /** The order rebuilt before anything changes: a stored order the engine refuses changes nothing. */
    private Order restored(StoredOrder stored) {
        ReplayedValues.check(stored);
        return stored.toOrder(engine.config.exchange().marketPrice(stored.request().getOrDefault("Symbol", "").toString()));
    }

    private void putBack(StoredOrder stored, Order o) {
        if (!stored.previousServerOrderId().isEmpty()) {
            // A replace gave the order a new ServerOrderID: it is the same order under its new id.
            engine.orders.removeWorking(stored.previousServerOrderId());
            count(stored.previousServerOrderId());
        }
        engine.accounts.know(o.account);
        count(o.serverOrderId);
        if (o.isWorking()) {
            engine.orders.addWorking(o);
        } else {
            engine.orders.finish(o);
        }
    }

    @Override
    public void filled(Fill f, StoredOrder order) {
        // Ids count even for an event refused below: a client may have heard them, so they are never given again.
        countExecution(f);
        count(order.serverOrderId());
        ReplayedValues.check(f);
        Order o = restored(order);
        engine.accounts.fill(f.tradeAccount(), f.symbol(), f.side().equals("BUY") ? f.quantity() : -f.quantity(),
                f.price());
        engine.fills.add(f);
        putBack(order, o);
    }

    @Override
    public void reset(long serverOrderIds, long executionIds) {
        engine.reset();
        engine.serverOrderIds = Math.max(engine.serverOrderIds, serverOrderIds);
        engine.executionIds = Math.max(engine.executionIds, executionIds);
    }

    @Override
    public void fillKept(Fill f) {
        countExecution(f);
        ReplayedValues.check(f);
        engine.fills.add(f);
    }

    private void countExecution(Fill f) {
        engine.executionIds = Math.max(engine.executionIds, number(f.executionId()));
    }

    @Override
    public void accountState(String account, double realisedPnl, java.util.Map<String, Position> positions) {
        ReplayedValues.check(account, realisedPnl, positions);
        engine.accounts.restore(account, realisedPnl, positions);
    }

    private void count(String serverOrderId) {
        engine.serverOrderIds = Math.max(engine.serverOrderIds, number(serverOrderId));
    }

    /** 12 from "S12" or "E12"; ids are issued as a letter and a counter. */
    private static long number(String id) {
        try {
            return Long.parseLong(id.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
