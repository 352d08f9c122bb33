package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.enums.TimeInForce;
import dev.dtcharness.protocol.message.SubmitFlattenPositionOrderView;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.simulator.SimulatorConfig;
import java.time.Clock;

/**
 * How an order comes to exist: SUBMIT_NEW_SINGLE_ORDER (208), SUBMIT_FLATTEN_POSITION_ORDER (209)
 * and an order placed elsewhere (the Java or admin API) are judged ({@link OrderCheck}, the trade
 * account, a ClientOrderID new in this trading session), then made an {@link Order} with a new
 * ServerOrderID and carried out by its plan. Touched only on the exchange thread.
 */
final class NewOrders {
    private final SimulatorConfig config;
    private final Clock clock;
    private final Accounts accounts;
    private final ClientOrderIds usedClientOrderIds;
    private final OrderIds ids;
    private final EngineStore store;
    private final OrderLifecycle lifecycle;
    private final Plans plans;
    private final PlanSteps steps;

    NewOrders(SimulatorConfig config, Clock clock, Books books, EngineStore store, OrderLifecycle lifecycle,
              Plans plans, PlanSteps steps) {
        this.config = config;
        this.clock = clock;
        this.accounts = books.accounts;
        this.usedClientOrderIds = books.usedClientOrderIds;
        this.ids = books.ids;
        this.store = store;
        this.lifecycle = lifecycle;
        this.plans = plans;
        this.steps = steps;
    }

    void submit(SessionLink from, SubmitNewSingleOrder request) {
        String problem = problem(request);
        if (problem != null) {
            lifecycle.rejectRequest(from, request, problem);
            return;
        }
        Order o = newOrder(request, from.id());
        steps.run(o, plans.planFor(o), 0);
    }

    /** Why a new order cannot be accepted (and its ClientOrderID is then taken), or null. */
    String problem(SubmitNewSingleOrder request) {
        String problem = OrderCheck.problem(request);
        if (problem == null) {
            problem = accounts.problem(request.tradeAccount());
        }
        String clientOrderId = request.clientOrderID();
        // Ids are unique per trading session, not per connection (FACTS.md 3.1), so the set spans sessions.
        if (problem == null && !usedClientOrderIds.add(clientOrderId)) {
            problem = "ClientOrderID " + clientOrderId + " was already used (expected: a new id for each order)";
        }
        if (problem == null) {
            store.clientOrderIdTaken(clientOrderId);
        }
        return problem;
    }

    /** An order from a request {@link #problem} found acceptable. */
    Order newOrder(SubmitNewSingleOrder request, int owner) {
        String named = request.tradeAccount();
        String account = accounts.resolve(named);
        // An order naming no account trades in the only one there is, and says so in its updates and in
        // the store. The request is copied: the journal keeps what the client sent.
        SubmitNewSingleOrder own = account.equals(named) ? request : request.copy().setTradeAccount(account);
        return new Order(own, ids.nextServerOrderId(), owner, clock.millis(), config.exchange().marketPrice(request.symbol()));
    }

    /** A market order that brings the account's position in the symbol to flat, accepted and filled at once. */
    void flatten(SessionLink from, SubmitFlattenPositionOrderView request) {
        String account = accounts.resolve(request.tradeAccount());
        Position p = accounts.position(account, request.symbol());
        SubmitNewSingleOrder order = new SubmitNewSingleOrder()
                .setSymbol(request.symbol()).setExchange(request.exchange())
                .setTradeAccount(request.tradeAccount())
                .setClientOrderID(request.clientOrderID())
                .setFreeFormText(request.freeFormText())
                .setOrderType(OrderType.MARKET).setBuySell(p.quantity() < 0 ? BuySell.BUY : BuySell.SELL)
                .setQuantity(Math.abs(p.quantity())).setTimeInForce(TimeInForce.DAY);
        String accountProblem = accounts.problem(request.tradeAccount());
        if (accountProblem != null) {
            lifecycle.rejectRequest(from, order, accountProblem);
            return;
        }
        if (p.quantity() == 0) {
            lifecycle.rejectRequest(from, order, "no position in " + request.symbol() + " for account '"
                    + account + "' to flatten");
            return;
        }
        String problem = problem(order);
        if (problem != null) {
            lifecycle.rejectRequest(from, order, problem);
            return;
        }
        steps.run(newOrder(order, from.id()), Plans.ACCEPT_THEN_FILL, 0);
    }

    /** An order placed elsewhere (Sierra Chart's GUI, another connection): rests OPEN, told to every session. */
    String placeElsewhere(SubmitNewSingleOrder request) {
        String problem = OrderCheck.elsewhereProblem(request);
        if (problem == null) {
            problem = accounts.problem(request.tradeAccount());
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Order o = newOrder(request, Order.ELSEWHERE);
        lifecycle.accept(o);
        return o.serverOrderId;
    }
}
