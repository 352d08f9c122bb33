package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.AccountBalanceRequest;
import dev.dtcharness.protocol.message.CancelOrder;
import dev.dtcharness.protocol.message.CancelReplaceOrder;
import dev.dtcharness.protocol.message.CurrentPositionsRequest;
import dev.dtcharness.protocol.message.HistoricalOrderFillsRequest;
import dev.dtcharness.protocol.message.OpenOrdersRequest;
import dev.dtcharness.protocol.message.SubmitFlattenPositionOrder;
import dev.dtcharness.protocol.message.SubmitNewOcoOrder;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.protocol.message.TradeAccountsRequest;
import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated exchange shared by every session, as FACTS.md 3.2 to 3.7 describe it: sessions hand
 * it their trading requests and it answers on its {@link ExchangeLoop}. This class only puts the
 * parts together and routes each request to the one that answers it: new orders to
 * {@link NewOrders} (which asks {@link Plans} what happens to them and has {@link PlanSteps} carry
 * it out), cancels and replaces to {@link Cancels}, OCO pairs to {@link OcoOrders}, resync requests
 * to {@link TradingQueries}; what then happens to an order is the {@link OrderLifecycle}'s, who
 * hears of it the {@link Delivery}'s, what outlives a restart the {@link EngineStore}'s.
 */
public final class OrderEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEngine.class);

    private final ExchangeLoop loop;
    private final Books books;
    private final EngineStore store;
    private final Delivery delivery = new Delivery();
    private final Plans plans;
    private final OrderLifecycle lifecycle;
    private final NewOrders newOrders;
    private final OcoOrders oco;
    private final Cancels cancels;
    private final TradingQueries queries;
    /** Made once: every request is handed over through it. */
    private final BiConsumer<SessionLink, DtcMessage> dispatcher = this::dispatch;

    /**
     * An engine on a thread of its own ("dtc-sim-exchange", closed with it) that keeps its state in
     * {@code store} and starts from what the store already holds: for tests of the engine alone.
     */
    public OrderEngine(SimulatorConfig config, Clock clock, ExchangeStore store) {
        this(config, clock, new ExchangeLoop(new DefaultEventExecutor(new DefaultThreadFactory("dtc-sim-exchange", true)),
                true), store);
    }

    /** An exchange that runs on {@code loop}, a session event loop that the caller owns and shuts down. */
    public OrderEngine(SimulatorConfig config, EventExecutor loop, ExchangeStore store) {
        this(config, Clock.systemUTC(), loop, store);
    }

    /** As above, its timestamps read from {@code clock}. */
    public OrderEngine(SimulatorConfig config, Clock clock, EventExecutor loop, ExchangeStore store) {
        this(config, clock, new ExchangeLoop(loop, false), store);
    }

    private OrderEngine(SimulatorConfig config, Clock clock, ExchangeLoop loop, ExchangeStore store) {
        this.loop = loop;
        this.books = new Books(config);
        this.store = new EngineStore(store, books, config.exchange()::marketPrice);
        this.plans = new Plans(config);
        this.lifecycle = new OrderLifecycle(config, clock, books, this.store, delivery);
        PlanSteps steps = new PlanSteps(loop, delivery, lifecycle);
        this.newOrders = new NewOrders(config, clock, books, this.store, lifecycle, plans, steps);
        this.oco = new OcoOrders(newOrders, plans, steps, lifecycle);
        this.cancels = new Cancels(books.orders, lifecycle, delivery);
        this.queries = new TradingQueries(config.exchange().sierraStrictFillRequests(), clock, books, delivery);
        this.store.restore();
    }

    // ---- handing work to the exchange thread

    /** Whether the exchange runs on {@code executor}'s thread (a session there is answered within its own read). */
    public boolean runsOn(EventExecutor executor) {
        return loop.runsOn(executor);
    }

    /** Runs {@code work} on the exchange thread: at once when called there between two pieces of work, else later. */
    public void execute(Runnable work) {
        loop.execute(work);
    }

    /** Runs {@code work} on the exchange thread and waits for its result (5 s at most). */
    public <T> T call(Callable<T> work) {
        return loop.call(work);
    }

    // ---- sessions

    public void attach(SessionLink session) {
        execute(() -> delivery.attach(session));
    }

    public void detach(SessionLink session) {
        execute(() -> delivery.detach(session));
    }

    /** A trading request from a logged-on session, which the exchange may keep (an order keeps its request). */
    public void handle(SessionLink from, DtcMessage request) {
        loop.execute(dispatcher, from, request);
    }

    /**
     * Answers an order-entry message that could not be fully decoded, so the client learns which field was
     * wrong. Owned, not a view: the answer may be written later, on the exchange thread.
     */
    public void rejectUnreadable(SessionLink from, DtcMessage partial, String why) {
        execute(() -> {
            // By name: a partial decode is answered whatever class holds it.
            OrderUpdateReason reason = partial.is("CANCEL_ORDER") ? OrderUpdateReason.ORDER_CANCEL_REJECTED
                    : partial.is("CANCEL_REPLACE_ORDER") ? OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED : null;
            if (reason == null) {
                lifecycle.rejectRequest(from, partial, why);
            } else {
                delivery.send(from, OrderUpdates.unknownOrder(partial, reason, why, lifecycle.now()));
            }
        });
    }

    private void dispatch(SessionLink from, DtcMessage m) {
        // The typed class of every decoded message says which it is; the commonest comes first.
        if (m instanceof SubmitNewSingleOrder order) {
            newOrders.submit(from, order);
        } else if (m instanceof CancelOrder cancel) {
            cancels.cancel(from, cancel);
        } else if (m instanceof CancelReplaceOrder replace) {
            cancels.replace(from, replace);
        } else if (m instanceof SubmitNewOcoOrder pair) {
            oco.submit(from, pair);
        } else if (m instanceof SubmitFlattenPositionOrder flatten) {
            newOrders.flatten(from, flatten);
        } else if (m instanceof OpenOrdersRequest r) {
            queries.openOrders(from, r);
        } else if (m instanceof HistoricalOrderFillsRequest r) {
            queries.fills(from, r);
        } else if (m instanceof CurrentPositionsRequest r) {
            queries.positions(from, r);
        } else if (m instanceof TradeAccountsRequest r) {
            queries.accounts(from, r);
        } else if (m instanceof AccountBalanceRequest r) {
            queries.balances(from, r);
        } else {
            LOG.warn("{}: {} is not supported by the simulator; ignored", from.label(), m.spec().label());
        }
    }

    // ---- what the Java and admin APIs reach ({@link SimulatedExchange}), already on the exchange thread

    Books books() {
        return books;
    }

    OrderLifecycle lifecycle() {
        return lifecycle;
    }

    NewOrders newOrders() {
        return newOrders;
    }

    Plans plans() {
        return plans;
    }

    /** Forgets orders, fills, positions, balances and used ClientOrderIDs; ids keep counting, so they stay unique. */
    void reset() {
        books.clear();
        plans.reset();
        store.wasReset();
    }

    @Override
    public void close() {
        loop.close();
        store.close();
    }
}
