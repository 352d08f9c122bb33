package dev.dtcharness.client.internal.store;

import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.internal.order.AppliedUpdate;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.client.internal.order.TrackedOrder;
import dev.dtcharness.client.track.Position;
import dev.dtcharness.client.track.PositionTracker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the book on disk: every change goes to the order-history database first (one
 * transaction), then the state file is replaced. On start, the database wins where both exist,
 * because it is written first: open orders are its latest snapshots that have not ended, and
 * positions are folded again from its fills, so a crash between the two writes loses nothing.
 *
 * <p>It never looks through the book: whoever changes an order tells it (the order entry of an order
 * sent, the bookkeeping of every change applied), and it keeps the orders not ended yet, in the order it
 * heard of them, for the state file.
 */
public final class Persistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Persistence.class);

    private final OrderHistoryDb db;
    private final StateFile state;
    private final ProblemCounter problems;
    /** The orders the state file lists, oldest first: sent or changed and not seen ended yet. Guarded by this. */
    private final Set<TrackedOrder> open = new LinkedHashSet<>();

    public Persistence(DtcClientConfig config, ProblemCounter problems) {
        this.db = config.storage().historyDatabase() == null ? null : new OrderHistoryDb(config.storage().historyDatabase());
        this.state = config.storage().stateFile() == null ? null : new StateFile(config.storage().stateFile());
        this.problems = problems;
    }

    public boolean enabled() {
        return db != null || state != null;
    }

    /** The database, or null when none is configured. */
    public OrderHistoryDb database() {
        return db;
    }

    /**
     * Loads what an earlier run saved into the book and the positions; counts nothing twice. Returns the
     * time of the latest fill restored (UTC milliseconds, 0 when none has one): the first fills request
     * after a restart need not go further back than the reconnect overlap before it.
     */
    public long restoreInto(OrderBook book, PositionTracker positions) {
        StateFile.State saved = state != null ? state.read() : null;
        List<Fill> fills = db != null ? db.fills() : List.of();
        List<Order> open = db != null ? db.orders().stream().filter(o -> !o.isTerminal()).toList()
                : saved != null ? saved.openOrders() : List.of();
        for (Order o : open) {
            opened(book.restore(o, fills.stream().filter(f -> sameOrder(o, f)).toList()));
        }
        fills.forEach(book.ledger()::add);
        if (db != null) {
            Map<String, Position> folded = new LinkedHashMap<>();
            for (Fill f : fills) {
                folded.compute(f.tradeAccount() + "\u0000" + f.symbol(), (k, p) ->
                        (p == null ? Position.flat(f.tradeAccount(), f.symbol()) : p).plus(f.signedQuantity(), f.price()));
            }
            positions.restore(List.copyOf(folded.values()));
        } else if (saved != null) {
            positions.restore(saved.positions());
        }
        log.info("restored {} open order(s) and {} fill(s) from {}", open.size(), fills.size(),
                db != null ? db.file() : state.file());
        return fills.stream().mapToLong(Fill::dateTimeMillis).max().orElse(0);
    }

    /** An order about to be sent (any thread): the next state file lists it; nothing is written for it now. */
    public void sent(TrackedOrder order) {
        opened(order);
    }

    private synchronized void opened(TrackedOrder order) {
        if (state != null) {
            open.add(order);
        }
    }

    /**
     * The fill recorded under this execution id, or null (also when the database cannot be read, a counted
     * warning): where the book compares a repeated execution id it no longer holds in memory.
     */
    public Fill recordedFill(String executionId) {
        try {
            return db == null ? null : db.fill(executionId);
        } catch (RuntimeException e) {
            problems.warn(log, "cannot compare repeated execution {} with the one recorded: {}", executionId, e.getMessage());
            return null;
        }
    }

    /**
     * Called on the event loop for every change, before the app's listeners hear of it: the change and the
     * order it changed are all it is told; the state file then lists the orders it knows not ended.
     */
    public void record(AppliedUpdate applied, PositionTracker positions) {
        try {
            if (db != null) {
                db.record(applied);
            }
            if (state != null) {
                state.write(openOrders(applied.order()), positions.positions());
            }
        } catch (RuntimeException e) {
            problems.error(log, "could not persist {}: {}", applied.after() != null ? applied.after().describe()
                    : applied.newFill(), e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }

    /** The orders not ended, oldest first, with {@code changed} added when new; the ended ones leave the list. */
    private synchronized List<Order> openOrders(TrackedOrder changed) {
        if (changed != null) {
            open.add(changed);
        }
        List<Order> orders = new ArrayList<>(open.size());
        for (Iterator<TrackedOrder> i = open.iterator(); i.hasNext(); ) {
            Order o = i.next().current();
            if (o.isTerminal()) {
                i.remove();
            } else {
                orders.add(o);
            }
        }
        return orders;
    }

    private static boolean sameOrder(Order o, Fill f) {
        return (!o.serverOrderId().isEmpty() && o.serverOrderId().equals(f.serverOrderId()))
                || (!o.clientOrderId().isEmpty() && o.clientOrderId().equals(f.clientOrderId()));
    }
}
