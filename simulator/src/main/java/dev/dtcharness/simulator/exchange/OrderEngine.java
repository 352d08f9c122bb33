package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.script.Rule;
import dev.dtcharness.simulator.script.Scenario;
import dev.dtcharness.simulator.script.Step;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated exchange shared by every session: orders by ServerOrderID, per-account positions,
 * balances and fill history, answered as FACTS.md 3.2 to 3.7 describe. Everything runs on one
 * thread, like a matching engine, so state needs no locks and every order's updates keep their
 * order. That thread is a session event loop of the simulator's: a session on that loop is
 * answered in the same pass that read its order (no hand-off, one flush per read); sessions on
 * other loops and the Java API hand their work to it.
 *
 * <p>One file over 300 lines: the one thread's state that every order's path touches; its helpers
 * still reach its package-private fields.
 */
public final class OrderEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEngine.class);

    final SimulatorConfig config;
    final Clock clock;
    private final EventExecutor loop;
    private final boolean ownsLoop;
    // True while a piece of exchange work runs: work that arrives meanwhile (a channel closed by a
    // send, say) waits its turn instead of running inside the work that caused it.
    private boolean busy;
    final Map<Integer, SessionLink> sessions = new LinkedHashMap<>();
    final OrderTable orders;
    final ClientOrderIds usedClientOrderIds = new ClientOrderIds(100_000);
    final Accounts accounts;
    final FillHistory fills;
    // By identity: two equal rules in one scenario count their matches apart.
    private final Map<Rule, Integer> ruleHits = new java.util.IdentityHashMap<>();
    private Scenario scenario;
    long serverOrderIds;
    long executionIds;
    private final EngineStore store;
    // Stateless helpers over this engine, made once: per message they were an allocation each.
    private final TradingQueries queries = new TradingQueries(this);
    private final Cancels cancels = new Cancels(this);
    private final OcoOrders oco = new OcoOrders(this);
    // The updates every order sends, each written into one message used again and again: whatever
    // must keep one past its write (the journal, a held-back fault, a queue to another loop) keeps a copy.
    private final DtcMessage updateScratch = OrderUpdates.blank();
    private final DtcMessage positionScratch = PositionUpdates.blank();

    /**
     * An engine on a thread of its own ("dtc-sim-exchange", closed with it) that keeps its state in
     * {@code store} and starts from what the store already holds: for tests of the engine alone.
     */
    public OrderEngine(SimulatorConfig config, Clock clock, ExchangeStore store) {
        this(config, clock, new DefaultEventExecutor(new DefaultThreadFactory("dtc-sim-exchange", true)), true, store);
    }

    /** An exchange that runs on {@code loop}, a session event loop that the caller owns and shuts down. */
    public OrderEngine(SimulatorConfig config, EventExecutor loop, ExchangeStore store) {
        this(config, Clock.systemUTC(), loop, store);
    }

    /** As above, its timestamps read from {@code clock}. */
    public OrderEngine(SimulatorConfig config, Clock clock, EventExecutor loop, ExchangeStore store) {
        this(config, clock, loop, false, store);
    }

    private OrderEngine(SimulatorConfig config, Clock clock, EventExecutor loop, boolean ownsLoop, ExchangeStore store) {
        this.config = config;
        this.clock = clock;
        this.loop = loop;
        this.ownsLoop = ownsLoop;
        this.scenario = config.exchange().scenario();
        this.accounts = new Accounts(config.exchange().tradeAccounts(), config.exchange().startingCashBalance());
        this.fills = new FillHistory(config.limits().fillHistoryCapacity());
        // Finished orders only answer late cancels and lookups: the oldest age out.
        this.orders = new OrderTable(config.limits().finishedOrdersKept());
        this.store = new EngineStore(this, store);
        this.store.restore();
    }

    // ---- handing work to the exchange thread

    /** Whether the exchange runs on {@code executor}'s thread (a session there is answered within its own read). */
    public boolean runsOn(EventExecutor executor) {
        return loop == executor;
    }

    /** Runs {@code work} on the exchange thread: at once when called there between two pieces of work, else later. */
    public void execute(Runnable work) {
        if (!busy && loop.inEventLoop()) {
            runGuarded(work);
            return;
        }
        try {
            loop.execute(() -> runGuarded(work));
        } catch (RejectedExecutionException e) {
            // Only after close(): the simulator is stopping and nobody is left to answer.
            LOG.debug("exchange closed; work dropped");
        }
    }

    private void runGuarded(Runnable work) {
        boolean outer = !busy;
        busy = true;
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("exchange: unexpected failure; state kept, the request is lost", e);
        } finally {
            if (outer) {
                busy = false;
            }
        }
    }

    /** Runs {@code work} on the exchange thread and waits for its result (5 s at most). */
    public <T> T call(Callable<T> work) {
        if (loop.inEventLoop()) {
            // A caller on the exchange's own loop (a listener in a session handler) would wait for itself.
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(work).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the exchange", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the exchange did not answer within 5 s", e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the exchange is closed", e);
        }
    }

    void schedule(long millis, Runnable work) {
        try {
            loop.schedule(() -> execute(work), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("exchange closed; timed step dropped");
        }
    }

    // ---- sessions

    public void attach(SessionLink session) {
        execute(() -> sessions.put(session.id(), session));
    }

    public void detach(SessionLink session) {
        execute(() -> sessions.remove(session.id()));
    }

    /** A trading request from a logged-on session. */
    public void handle(SessionLink from, DtcMessage request) {
        execute(() -> dispatch(from, request));
    }

    /** Answers an order-entry message that could not be fully decoded, so the client learns which field was wrong. */
    public void rejectUnreadable(SessionLink from, DtcMessage partial, String why) {
        execute(() -> {
            String reason = partial.is("CANCEL_ORDER") ? "ORDER_CANCEL_REJECTED"
                    : partial.is("CANCEL_REPLACE_ORDER") ? "ORDER_CANCEL_REPLACE_REJECTED" : null;
            DtcMessage reply = reason == null ? OrderUpdates.rejected(partial, why, now())
                    : OrderUpdates.unknownOrder(partial, reason, why, now());
            send(from, reply);
        });
    }

    private void dispatch(SessionLink from, DtcMessage m) {
        switch (m.name()) {
            case "SUBMIT_NEW_SINGLE_ORDER" -> submit(from, m);
            case "SUBMIT_NEW_OCO_ORDER" -> oco.submit(from, m);
            case "SUBMIT_FLATTEN_POSITION_ORDER" -> flatten(from, m);
            case "CANCEL_ORDER" -> cancels.cancel(from, m);
            case "CANCEL_REPLACE_ORDER" -> cancels.replace(from, m);
            case "OPEN_ORDERS_REQUEST" -> queries.openOrders(from, m);
            case "HISTORICAL_ORDER_FILLS_REQUEST" -> queries.fills(from, m);
            case "CURRENT_POSITIONS_REQUEST" -> queries.positions(from, m);
            case "TRADE_ACCOUNTS_REQUEST" -> queries.accounts(from, m);
            case "ACCOUNT_BALANCE_REQUEST" -> queries.balances(from, m);
            default -> LOG.warn("{}: {} is not supported by the simulator; ignored", from.label(), m.spec().label());
        }
    }

    // ---- new orders

    private void submit(SessionLink from, DtcMessage request) {
        String problem = newOrderProblem(request);
        if (problem != null) {
            reject(from, request, problem);
            return;
        }
        Order o = newOrder(request, from.id());
        run(o, planFor(o), 0);
    }

    /** Why a new order cannot be accepted (and its ClientOrderID is then taken), or null. */
    String newOrderProblem(DtcMessage request) {
        String problem = OrderCheck.problem(request);
        if (problem == null) {
            problem = accounts.problem(OrderFields.text(request, OrderFields.TRADE_ACCOUNT));
        }
        String clientOrderId = OrderFields.text(request, OrderFields.CLIENT_ORDER_ID);
        // Ids are unique per trading session, not per connection (FACTS.md 3.1), so the set spans sessions.
        if (problem == null && !usedClientOrderIds.add(clientOrderId)) {
            problem = "ClientOrderID " + clientOrderId + " was already used (expected: a new id for each order)";
        }
        if (problem == null) {
            store.clientOrderId(clientOrderId);
        }
        return problem;
    }

    void reject(SessionLink to, DtcMessage request, String problem) {
        LOG.info("{}: order ClientOrderID={} rejected: {}", to.label(), request.getString("ClientOrderID"), problem);
        send(to, OrderUpdates.rejected(request, problem, now()));
    }

    /** An order from a request {@link #newOrderProblem} found acceptable. */
    Order newOrder(DtcMessage request, int owner) {
        String named = OrderFields.text(request, OrderFields.TRADE_ACCOUNT);
        String account = accounts.resolve(named);
        // An order naming no account trades in the only one there is, and says so in its updates and in
        // the store. The request is copied: the journal keeps what the client sent.
        DtcMessage own = account.equals(named) ? request : request.copy().set(OrderFields.TRADE_ACCOUNT, account);
        return new Order(own, nextServerOrderId(), owner, now(),
                config.exchange().marketPrice(OrderFields.text(request, OrderFields.SYMBOL)));
    }

    String nextServerOrderId() {
        return "S" + (++serverOrderIds);
    }

    /** The scenario's replies for this order, or what the fill policy says. */
    List<Step> planFor(Order o) {
        if (scenario != null) {
            for (Rule rule : scenario.rules()) {
                if (rule.match().matches(o.symbol, o.side(), o.quantity, o.price1, o.account,
                        o.request.enumName("OrderType"))) {
                    int hit = ruleHits.merge(rule, 1, Integer::sum);
                    if (rule.match().nth() == null || rule.match().nth() == hit) {
                        return rule.replies();
                    }
                }
            }
        }
        if (config.exchange().fillPolicy() == FillPolicy.REST_LIMIT_ORDERS && !o.isMarket()) {
            return ACCEPT_ONLY;
        }
        return ACCEPT_THEN_FILL;
    }

    /** The plans without a scenario: steps are immutable, so every order shares them. */
    private static final List<Step> ACCEPT_ONLY = List.of(Step.accept());
    private static final List<Step> ACCEPT_THEN_FILL = List.of(Step.accept(), Step.fill());

    /** Carries out {@code steps} from {@code from} on; a wait hands the rest to a timer. */
    void run(Order o, List<Step> steps, int from) {
        for (int i = from; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.step() == Step.Kind.WAIT) {
                int next = i + 1;
                schedule(step.millis(), () -> run(o, steps, next));
                return;
            }
            perform(o, step);
        }
        if (o.isNew()) {
            // A plan that never accepted nor rejected must not leave the order in limbo.
            accept(o);
        }
    }

    /** One step; a step that no longer applies (a fill of a canceled order) does nothing. */
    private void perform(Order o, Step step) {
        if (step.isFault()) {
            SessionLink owner = sessions.get(o.ownerSession);
            if (owner != null) {
                LOG.info("{}: fault {} (scenario, order {})", owner.label(), step.step(), o.clientOrderId);
                owner.fault(step);
            }
            return;
        }
        switch (step.step()) {
            case ACCEPT -> {
                if (o.isNew()) {
                    accept(o);
                }
            }
            case REJECT -> {
                String text = step.text() == null ? "rejected by the scenario" : step.text();
                if (o.isNew()) {
                    o.status = "ORDER_STATUS_REJECTED";
                    SessionLink owner = sessions.get(o.ownerSession);
                    if (owner != null) {
                        reject(owner, o.request, text);
                    }
                    return;
                }
                cancel(o, text);
            }
            case PARTIAL_FILL, FILL -> {
                if (o.isNew()) {
                    accept(o);
                }
                if (!o.isWorking()) {
                    return;
                }
                double q = step.step() == Step.Kind.FILL ? o.remaining() : Math.min(step.quantity(), o.remaining());
                fill(o, q, step.price() == null ? o.defaultFillPrice() : step.price());
            }
            case CANCEL -> {
                if (o.isNew()) {
                    accept(o);
                }
                cancel(o, step.text());
            }
            default -> throw new IllegalStateException("unexpected step " + step);
        }
    }

    void accept(Order o) {
        orders.addWorking(o);
        if (config.exchange().acceptVariant() == AcceptVariant.PENDING_OPEN_THEN_OPEN) {
            o.status = "ORDER_STATUS_PENDING_OPEN";
            deliverBorrowed(o, OrderUpdates.current(updateScratch, o, "NEW_ORDER_ACCEPTED", now()));
            o.status = "ORDER_STATUS_OPEN";
            deliverBorrowed(o, OrderUpdates.current(updateScratch, o, "GENERAL_ORDER_UPDATE", now()));
        } else {
            o.status = "ORDER_STATUS_OPEN";
            deliverBorrowed(o, OrderUpdates.current(updateScratch, o, "NEW_ORDER_ACCEPTED", now()));
        }
    }

    // ---- fills and cancels of working orders

    /** Books a fill of {@code quantity} at {@code price}: ORDER_UPDATE, then POSITION_UPDATE (FACTS.md 3.1). */
    void fill(Order o, double quantity, double price) {
        // Every fill passes here, from a session's plan, a scenario, the Java or admin API: nothing
        // non-finite or absurd may reach a position, a balance or a message.
        String problem = MarketValues.quantityProblem("fill quantity", quantity);
        if (problem == null) {
            problem = MarketValues.priceProblem("fill price", price);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem + "; order " + o.serverOrderId + " not filled");
        }
        double before = o.filled;
        o.filled += quantity;
        o.averagePrice = (o.averagePrice * before + price * quantity) / o.filled;
        o.status = o.remaining() <= 0 ? "ORDER_STATUS_FILLED" : "ORDER_STATUS_PARTIALLY_FILLED";
        Position after = accounts.fill(o.account, o.symbol, o.buy ? quantity : -quantity, price);
        boolean cashChanged = accounts.lastFillChangedCash();
        Fill f = new Fill("E" + (++executionIds), o.serverOrderId, o.clientOrderId, o.account, o.symbol,
                o.exchange, o.side(), quantity, price, now(), after.quantity());
        fills.add(f);
        store.fill(o, f);
        deliverBorrowed(o, OrderUpdates.fill(updateScratch, o, f));
        deliverBorrowed(o, PositionUpdates.unsolicited(positionScratch, o.account, o.symbol, o.exchange, after));
        if (cashChanged) {
            // Balances are pushed whenever they change (FACTS.md 3.7); only realised profit or loss changes them here.
            deliver(o, TradingQueries.balance(o.account, accounts.cashBalance(o.account)).set("RequestID", 0).set("TotalNumberMessages", 1)
                    .set("MessageNumber", 1).set("Unsolicited", 1));
        }
        if (!o.isWorking()) {
            finish(o);
        }
        oco.afterFill(o, quantity);
    }

    /** CANCELED / ORDER_CANCELED, and the OCO partner with it. */
    void cancel(Order o, String infoText) {
        cancel(o, infoText, null);
    }

    /** As {@link #cancel(Order, String)}, answered to {@code asker} too when another session asked for it. */
    void cancel(Order o, String infoText, SessionLink asker) {
        if (!o.isWorking()) {
            return;
        }
        o.status = "ORDER_STATUS_CANCELED";
        DtcMessage update = OrderUpdates.current(o, "ORDER_CANCELED", now());
        answer(o, infoText == null ? update : OrderUpdates.withInfo(update, infoText), asker);
        finish(o);
        Order partner = o.ocoLinked.isEmpty() ? null : orders.working(o.ocoLinked);
        if (partner != null) {
            cancel(partner, "OCO partner " + o.serverOrderId + " was canceled");
        }
    }

    void finish(Order o) {
        orders.finish(o);
    }

    // ---- flatten

    private void flatten(SessionLink from, DtcMessage request) {
        String account = accounts.resolve(request.getString("TradeAccount"));
        Position p = accounts.position(account, request.getString("Symbol"));
        DtcMessage order = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER")
                .set("Symbol", request.getString("Symbol")).set("Exchange", request.getString("Exchange"))
                .set("TradeAccount", request.getString("TradeAccount"))
                .set("ClientOrderID", request.getString("ClientOrderID"))
                .set("FreeFormText", request.getString("FreeFormText"))
                .setEnum("OrderType", "ORDER_TYPE_MARKET").setEnum("BuySell", p.quantity() < 0 ? "BUY" : "SELL")
                .set("Quantity", Math.abs(p.quantity())).setEnum("TimeInForce", "TIF_DAY");
        String accountProblem = accounts.problem(request.getString("TradeAccount"));
        if (accountProblem != null) {
            reject(from, order, accountProblem);
            return;
        }
        if (p.quantity() == 0) {
            reject(from, order, "no position in " + request.getString("Symbol") + " for account '"
                    + account + "' to flatten");
            return;
        }
        String problem = newOrderProblem(order);
        if (problem != null) {
            reject(from, order, problem);
            return;
        }
        Order o = newOrder(order, from.id());
        run(o, List.of(Step.accept(), Step.fill()), 0);
    }

    // ---- API actions (already on the exchange thread)

    /** An order placed elsewhere (Sierra Chart's GUI, another connection): rests OPEN, told to every session. */
    String placeElsewhere(DtcMessage request) {
        String problem = OrderCheck.elsewhereProblem(request);
        if (problem == null) {
            problem = accounts.problem(OrderFields.text(request, OrderFields.TRADE_ACCOUNT));
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Order o = newOrder(request, Order.ELSEWHERE);
        accept(o);
        return o.serverOrderId;
    }

    Order findWorking(String serverOrderId) {
        Order o = orders.working(serverOrderId);
        if (o == null) {
            throw new IllegalArgumentException("no working order with ServerOrderID " + serverOrderId
                    + " (working: " + orders.working().stream().map(w -> w.serverOrderId).toList() + ")");
        }
        return o;
    }

    void useScenario(Scenario newScenario) {
        scenario = newScenario;
        ruleHits.clear();
    }

    Scenario scenario() {
        return scenario;
    }

    /** Forgets orders, fills, positions, balances and used ClientOrderIDs; ids keep counting, so they stay unique. */
    void reset() {
        orders.clear();
        usedClientOrderIds.clear();
        accounts.clear();
        fills.clear();
        ruleHits.clear();
        scenario = config.exchange().scenario();
        store.reset();
    }

    // ---- sending

    /** To the order's session while it is connected, else to every logged-on session (FACTS.md 3.1 L). */
    void deliver(Order o, DtcMessage m) {
        deliver(o, m, false, null);
    }

    /**
     * As {@link #deliver}, and to {@code asker} (null: nobody) when that session asked for this change
     * of an order it does not own: whoever asks gets the answer, the owner its update.
     */
    void answer(Order o, DtcMessage m, SessionLink asker) {
        deliver(o, m, false, asker);
    }

    /** As {@link #deliver}, for one of the engine's reused updates: no session may keep it. */
    private void deliverBorrowed(Order o, DtcMessage m) {
        deliver(o, m, true, null);
    }

    private void deliver(Order o, DtcMessage m, boolean borrowed, SessionLink asker) {
        store.beforeSending(o, m);
        SessionLink owner = sessions.get(o.ownerSession);
        if (owner != null && owner.isLoggedOn()) {
            send(owner, m, borrowed);
            if (asker != null && asker.id() != owner.id() && asker.isLoggedOn()) {
                send(asker, m, borrowed);
            }
            return;
        }
        for (SessionLink s : new ArrayList<>(sessions.values())) {
            if (s.isLoggedOn()) {
                send(s, m, borrowed);
            }
        }
    }

    void send(SessionLink to, DtcMessage m) {
        send(to, m, false);
    }

    /** As {@link #send(SessionLink, DtcMessage)} for a message the caller fills again once this returns. */
    void sendBorrowed(SessionLink to, DtcMessage m) {
        send(to, m, true);
    }

    private void send(SessionLink to, DtcMessage m, boolean borrowed) {
        if (!OutboundNumbers.finite(m, to)) {
            return;
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{}: sent {}", to.label(), Summaries.of(m));
        }
        if (borrowed) {
            to.sendBorrowed(m);
        } else {
            to.send(m);
        }
    }

    long now() {
        return clock.millis();
    }

    @Override
    public void close() {
        if (ownsLoop) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            // The store closes once no event is half written. A shared loop is the caller's: it is
            // shut down and finished before the engine is closed (DtcSimulator.close).
            loop.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        store.close();
    }
}
