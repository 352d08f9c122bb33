package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.script.Scenario;
import java.util.List;

/**
 * The exchange as tests, features and the admin API drive it: look at orders, positions and
 * fills, fill or cancel resting orders, push orders placed elsewhere, switch scenarios, reset.
 * Every call is carried out on the exchange thread and returns once done; safe from any thread.
 */
public final class SimulatedExchange {
    private final OrderEngine engine;

    public SimulatedExchange(OrderEngine engine) {
        this.engine = engine;
    }

    /** Orders that can still fill (OPEN, PARTIALLY_FILLED), oldest first. */
    public List<OrderView> workingOrders() {
        return engine.call(() -> engine.orders.working().stream().map(OrderView::of).toList());
    }

    /**
     * Every order the exchange still remembers, working ones first, then finished ones (the newest
     * {@code finishedOrdersKept}), oldest first in each: what a test compares a client's book with.
     */
    public List<OrderView> orders() {
        return engine.call(() -> java.util.stream.Stream.concat(engine.orders.working().stream(),
                engine.orders.finished().stream()).map(OrderView::of).toList());
    }

    /** The working order with this ClientOrderID, or null. */
    public OrderView workingOrder(String clientOrderId) {
        return workingOrders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElse(null);
    }

    /** Fills {@code quantity} of a working order at {@code price}: a partial fill unless it is all that remains. */
    public void fill(String serverOrderId, double quantity, double price) {
        engine.call(() -> {
            Order o = engine.findWorking(serverOrderId);
            if (!(quantity > 0) || quantity > o.remaining()) {
                throw new IllegalArgumentException("quantity " + quantity + " (expected: more than 0, at most the "
                        + o.remaining() + " remaining of " + serverOrderId + ")");
            }
            engine.fill(o, quantity, price);
            return null;
        });
    }

    /** Fills everything that remains of a working order at its own price (the limit price, or the market's). */
    public void fill(String serverOrderId) {
        engine.call(() -> {
            Order o = engine.findWorking(serverOrderId);
            engine.fill(o, o.remaining(), o.defaultFillPrice());
            return null;
        });
    }

    /** Cancels a working order at the exchange: an unsolicited CANCELED / ORDER_CANCELED, with {@code infoText}. */
    public void cancel(String serverOrderId, String infoText) {
        engine.call(() -> {
            engine.cancel(engine.findWorking(serverOrderId), infoText);
            return null;
        });
    }

    /**
     * An order entered elsewhere (Sierra Chart's GUI, another program): it rests OPEN and every
     * logged-on session is told with unsolicited ORDER_UPDATEs (FACTS.md 3.1, scenario L). Fill or
     * cancel it later with its ServerOrderID, which this returns.
     */
    public String placeElsewhere(String tradeAccount, String symbol, String side, double quantity, double limitPrice) {
        DtcMessage request = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", symbol)
                .set("TradeAccount", tradeAccount).setEnum("BuySell", side).setEnum("OrderType", "ORDER_TYPE_LIMIT")
                .set("Price1", limitPrice).set("Quantity", quantity).setEnum("TimeInForce", "TIF_DAY");
        return engine.call(() -> engine.placeElsewhere(request));
    }

    /** Every fill still in the history, oldest first. */
    public List<Fill> fills() {
        return engine.call(engine.fills::all);
    }

    public Position position(String tradeAccount, String symbol) {
        return engine.call(() -> engine.accounts.position(tradeAccount, symbol));
    }

    public double cashBalance(String tradeAccount) {
        return engine.call(() -> engine.accounts.cashBalance(tradeAccount));
    }

    /** The accounts served, as configured: orders for any other are rejected. */
    public List<String> tradeAccounts() {
        return engine.call(engine.accounts::served);
    }

    /** Answers orders from now on with this scenario's rules (null: the fill policy alone). */
    public void useScenario(Scenario scenario) {
        engine.call(() -> {
            engine.useScenario(scenario);
            return null;
        });
    }

    public Scenario scenario() {
        return engine.call(engine::scenario);
    }

    /** Forgets orders, fills, positions, balances, used ClientOrderIDs; back to the configured scenario. */
    public void reset() {
        engine.call(() -> {
            engine.reset();
            return null;
        });
    }
}
