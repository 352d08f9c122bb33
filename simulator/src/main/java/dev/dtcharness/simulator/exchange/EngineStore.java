package dev.dtcharness.simulator.exchange;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The exchange's side of its {@link ExchangeStore}: told each change as a domain event (an order
 * accepted, filled, canceled, replaced, reduced; a ClientOrderID taken; a reset) before the message
 * that tells a client is sent, and on start replays what the store kept into the {@link Books}.
 * A new order that is rejected is not kept: only its ClientOrderID, taken when it was judged.
 * Without a store every event returns at once.
 */
final class EngineStore implements StoreEvents {
    private final ExchangeStore store;
    private final Books books;
    private final ToDoubleFunction<String> marketPrice;
    private final boolean on;

    EngineStore(ExchangeStore store, Books books, ToDoubleFunction<String> marketPrice) {
        this.store = store;
        this.books = books;
        this.marketPrice = marketPrice;
        this.on = store != ExchangeStore.NONE;
    }

    // ---- live: the engine's events, each durable when the call returns

    void clientOrderIdTaken(String id) {
        if (on) {
            store.clientOrderIdUsed(id);
            compactWhenDue();
        }
    }

    /** Accepted, at the status its next update tells (PENDING_OPEN, then OPEN, or OPEN at once). */
    void accepted(Order o) {
        orderChanged(o);
    }

    /** A fill carries its order's state in the same event: both or neither survive a crash. */
    void filled(Order o, Fill f) {
        if (on) {
            store.filled(f, StoredOrder.of(o));
            compactWhenDue();
        }
    }

    void canceled(Order o) {
        orderChanged(o);
    }

    /** New quantity, prices or time in force, and a new ServerOrderID when the exchange gives one. */
    void replaced(Order o) {
        orderChanged(o);
    }

    /** Its quantity cut by an OCO partner's partial fill. */
    void reduced(Order o) {
        orderChanged(o);
    }

    /** The books were cleared; the counters go on. */
    void wasReset() {
        if (on) {
            store.reset(books.ids.serverOrderIds(), books.ids.executionIds());
        }
    }

    private void orderChanged(Order o) {
        if (on) {
            store.orderChanged(StoredOrder.of(o));
            compactWhenDue();
        }
    }

    /** Brings the books to where the store's events left them. Runs before the engine takes work. */
    void restore() {
        if (on) {
            store.replay(this);
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
        out.reset(books.ids.serverOrderIds(), books.ids.executionIds());
        books.usedClientOrderIds.all().forEach(out::clientOrderIdUsed);
        for (String account : books.accounts.names()) {
            out.accountState(account, books.accounts.realised(account), books.accounts.positions(account));
        }
        books.fills.all().forEach(out::fillKept);
        // Finished first: replayed in this order, each map keeps the order it has now.
        books.orders.finished().forEach(o -> out.orderChanged(StoredOrder.of(o)));
        books.orders.working().forEach(o -> out.orderChanged(StoredOrder.of(o)));
    }

    void close() {
        store.close();
    }

    // ---- replay: the events applied as the live engine applied them

    @Override
    public void clientOrderIdUsed(String clientOrderId) {
        books.usedClientOrderIds.add(clientOrderId);
    }

    @Override
    public void orderChanged(StoredOrder stored) {
        books.ids.sawServerOrderId(stored.serverOrderId());
        putBack(stored, restored(stored));
    }

    /** The order rebuilt before anything changes: a stored order the engine refuses changes nothing. */
    private Order restored(StoredOrder stored) {
        ReplayedValues.check(stored);
        return stored.toOrder(marketPrice.applyAsDouble(stored.request().getOrDefault("Symbol", "").toString()));
    }

    private void putBack(StoredOrder stored, Order o) {
        if (!stored.previousServerOrderId().isEmpty()) {
            // A replace gave the order a new ServerOrderID: it is the same order under its new id.
            books.orders.removeWorking(stored.previousServerOrderId());
            books.ids.sawServerOrderId(stored.previousServerOrderId());
        }
        books.accounts.know(o.account);
        books.ids.sawServerOrderId(o.serverOrderId);
        if (o.isWorking()) {
            books.orders.addWorking(o);
        } else {
            books.orders.finish(o);
        }
    }

    @Override
    public void filled(Fill f, StoredOrder order) {
        // Ids count even for an event refused below: a client may have heard them, so they are never given again.
        books.ids.sawExecutionId(f.executionId());
        books.ids.sawServerOrderId(order.serverOrderId());
        ReplayedValues.check(f);
        Order o = restored(order);
        books.accounts.fill(f.tradeAccount(), f.symbol(), f.side().equals("BUY") ? f.quantity() : -f.quantity(),
                f.price());
        books.fills.add(f);
        putBack(order, o);
    }

    @Override
    public void reset(long serverOrderIds, long executionIds) {
        books.clear();
        books.ids.atLeast(serverOrderIds, executionIds);
    }

    @Override
    public void fillKept(Fill f) {
        books.ids.sawExecutionId(f.executionId());
        ReplayedValues.check(f);
        books.fills.add(f);
    }

    @Override
    public void accountState(String account, double realisedPnl, Map<String, Position> positions) {
        ReplayedValues.check(account, realisedPnl, positions);
        books.accounts.restore(account, realisedPnl, positions);
    }
}
