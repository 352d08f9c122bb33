package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.enums.TimeInForce;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.simulator.script.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange as tests, features and the admin API drive it: look at orders, positions and
 * fills, fill or cancel resting orders, push orders placed elsewhere, switch scenarios, reset.
 * Every call is carried out on the exchange thread and returns once done; safe from any thread.
 */
public final class SimulatedExchange {
    private final OrderEngine engine;
    private final OrderTable orders;
    private final FillHistory fills;
    private final Accounts accounts;
    private final OrderLifecycle lifecycle;
    private final NewOrders newOrders;
    private final Plans plans;

    public SimulatedExchange(OrderEngine engine) {
        this.engine = engine;
        Books books = engine.books();
        this.orders = books.orders;
        this.fills = books.fills;
        this.accounts = books.accounts;
        this.lifecycle = engine.lifecycle();
        this.newOrders = engine.newOrders();
        this.plans = engine.plans();
    }

    /** Orders that can still fill (OPEN, PARTIALLY_FILLED), oldest first. */
    public List<OrderView> workingOrders() {
        return engine.call(() -> views(orders.working(), List.of()));
    }

    /**
     * Every order the exchange still remembers, working ones first, then finished ones (the newest
     * {@code finishedOrdersKept}), oldest first in each: what a test compares a client's book with.
     */
    public List<OrderView> orders() {
        return engine.call(() -> views(orders.working(), orders.finished()));
    }

    private static List<OrderView> views(List<Order> first, List<Order> then) {
        List<OrderView> all = new ArrayList<>(first.size() + then.size());
        first.forEach(o -> all.add(OrderView.of(o)));
        then.forEach(o -> all.add(OrderView.of(o)));
        return List.copyOf(all);
    }

    /** The working order with this ClientOrderID, or null. */
    public OrderView workingOrder(String clientOrderId) {
        return workingOrders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElse(null);
    }

    /** Fills {@code quantity} of a working order at {@code price}: a partial fill unless it is all that remains. */
    public void fill(String serverOrderId, double quantity, double price) {
        engine.call(() -> {
            Order o = findWorking(serverOrderId);
            if (!(quantity > 0) || quantity > o.remaining()) {
                throw new IllegalArgumentException("quantity " + quantity + " (expected: more than 0, at most the "
                        + o.remaining() + " remaining of " + serverOrderId + ")");
            }
            lifecycle.fill(o, quantity, price);
            return null;
        });
    }

    /** Fills everything that remains of a working order at its own price (the limit price, or the market's). */
    public void fill(String serverOrderId) {
        engine.call(() -> {
            Order o = findWorking(serverOrderId);
            lifecycle.fill(o, o.remaining(), o.defaultFillPrice());
            return null;
        });
    }

    /** Cancels a working order at the exchange: an unsolicited CANCELED / ORDER_CANCELED, with {@code infoText}. */
    public void cancel(String serverOrderId, String infoText) {
        engine.call(() -> {
            lifecycle.cancel(findWorking(serverOrderId), infoText);
            return null;
        });
    }

    private Order findWorking(String serverOrderId) {
        Order o = orders.working(serverOrderId);
        if (o == null) {
            throw new IllegalArgumentException("no working order with ServerOrderID " + serverOrderId
                    + " (working: " + orders.working().stream().map(w -> w.serverOrderId).toList() + ")");
        }
        return o;
    }

    /**
     * An order entered elsewhere (Sierra Chart's GUI, another program): it rests OPEN and every
     * logged-on session is told with unsolicited ORDER_UPDATEs (FACTS.md 3.1, scenario L). Fill or
     * cancel it later with its ServerOrderID, which this returns.
     */
    public String placeElsewhere(String tradeAccount, String symbol, String side, double quantity, double limitPrice) {
        SubmitNewSingleOrder request = new SubmitNewSingleOrder().setSymbol(symbol).setTradeAccount(tradeAccount)
                .setOrderType(OrderType.LIMIT).setPrice1(limitPrice).setQuantity(quantity)
                .setTimeInForce(TimeInForce.DAY);
        // By its spec name, as the API's callers spell it; a name that is none is refused as before.
        request.setEnum("BuySell", side);
        return engine.call(() -> newOrders.placeElsewhere(request));
    }

    /** Every fill still in the history, oldest first. */
    public List<Fill> fills() {
        return engine.call(fills::all);
    }

    public Position position(String tradeAccount, String symbol) {
        return engine.call(() -> accounts.position(tradeAccount, symbol));
    }

    public double cashBalance(String tradeAccount) {
        return engine.call(() -> accounts.cashBalance(tradeAccount));
    }

    /** The accounts served, as configured: orders for any other are rejected. */
    public List<String> tradeAccounts() {
        return engine.call(accounts::served);
    }

    /** Answers orders from now on with this scenario's rules (null: the fill policy alone). */
    public void useScenario(Scenario scenario) {
        engine.call(() -> {
            plans.use(scenario);
            return null;
        });
    }

    public Scenario scenario() {
        return engine.call(plans::scenario);
    }

    /** Forgets orders, fills, positions, balances, used ClientOrderIDs; back to the configured scenario. */
    public void reset() {
        engine.call(() -> {
            engine.reset();
            return null;
        });
    }
}
