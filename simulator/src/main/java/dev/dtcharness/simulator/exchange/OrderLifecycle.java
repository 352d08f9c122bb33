package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.enums.PartialFillHandling;
import dev.dtcharness.protocol.enums.TimeInForce;
import dev.dtcharness.protocol.message.AccountBalanceUpdate;
import dev.dtcharness.protocol.message.CancelReplaceOrder;
import dev.dtcharness.protocol.message.CancelReplaceOrderView;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.PositionUpdate;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.SimulatorConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an order once it exists, as the ORDER_UPDATE (301) sequences of FACTS.md 3.2 tell
 * it: accepted (PENDING_OPEN then OPEN, or OPEN at once), filled in part or whole (each fill followed
 * by POSITION_UPDATE, and ACCOUNT_BALANCE_UPDATE when it realised profit or loss), canceled, replaced,
 * rejected; an OCO partner canceled or reduced with it (3.2 J). Each change is told to the store as a
 * domain event before its update is sent, then handed to {@link Delivery}. The updates are written
 * into messages used again and again: no allocation per update. Touched only on the exchange thread.
 */
final class OrderLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(OrderLifecycle.class);

    private final boolean pendingOpenFirst;
    private final boolean newIdOnReplace;
    private final Clock clock;
    private final OrderTable orders;
    private final Accounts accounts;
    private final FillHistory fills;
    private final OrderIds ids;
    private final EngineStore store;
    private final Delivery delivery;
    private final OrderUpdate update = new OrderUpdate();
    private final PositionUpdate position = new PositionUpdate();
    private final AccountBalanceUpdate balance = new AccountBalanceUpdate();

    OrderLifecycle(SimulatorConfig config, Clock clock, Books books, EngineStore store, Delivery delivery) {
        this.pendingOpenFirst = config.exchange().acceptVariant() == AcceptVariant.PENDING_OPEN_THEN_OPEN;
        this.newIdOnReplace = config.exchange().newServerOrderIdOnReplace();
        this.clock = clock;
        this.orders = books.orders;
        this.accounts = books.accounts;
        this.fills = books.fills;
        this.ids = books.ids;
        this.store = store;
        this.delivery = delivery;
    }

    long now() {
        return clock.millis();
    }

    /** A new order becomes working: NEW_ORDER_ACCEPTED, at PENDING_OPEN then OPEN when so configured. */
    void accept(Order o) {
        orders.addWorking(o);
        if (pendingOpenFirst) {
            tell(o, OrderStatus.PENDING_OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
            tell(o, OrderStatus.OPEN, OrderUpdateReason.GENERAL_ORDER_UPDATE);
        } else {
            tell(o, OrderStatus.OPEN, OrderUpdateReason.NEW_ORDER_ACCEPTED);
        }
    }

    private void tell(Order o, OrderStatus status, OrderUpdateReason reason) {
        o.status = status;
        store.accepted(o);
        delivery.deliver(o, OrderUpdates.current(update, o, reason, now()));
    }

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
        o.status = o.remaining() <= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Position after = accounts.fill(o.account, o.symbol, o.buy ? quantity : -quantity, price);
        boolean cashChanged = accounts.lastFillChangedCash();
        Fill f = new Fill(ids.nextExecutionId(), o.serverOrderId, o.clientOrderId, o.account, o.symbol,
                o.exchange, o.side(), quantity, price, now(), after.quantity());
        fills.add(f);
        store.filled(o, f);
        delivery.deliver(o, OrderUpdates.fill(update, o, f));
        delivery.deliver(o, PositionUpdates.unsolicited(position, o.account, o.symbol, o.exchange, after));
        if (cashChanged) {
            // Balances are pushed whenever they change (FACTS.md 3.7); only realised profit or loss changes them here.
            delivery.deliver(o, BalanceUpdates.unsolicited(balance, o.account, accounts.cashBalance(o.account)));
        }
        if (!o.isWorking()) {
            orders.finish(o);
        }
        afterFill(o, quantity);
    }

    /** CANCELED / ORDER_CANCELED with {@code infoText} (null: none), and the OCO partner with it. */
    void cancel(Order o, String infoText) {
        cancel(o, infoText, null);
    }

    /** As {@link #cancel(Order, String)}, answered to {@code asker} too when another session asked for it. */
    void cancel(Order o, String infoText, SessionLink asker) {
        if (!o.isWorking()) {
            return;
        }
        o.status = OrderStatus.CANCELED;
        store.canceled(o);
        OrderUpdate m = OrderUpdates.current(update, o, OrderUpdateReason.ORDER_CANCELED, now());
        delivery.answer(o, infoText == null ? m : OrderUpdates.withInfo(m, infoText), asker);
        orders.finish(o);
        Order partner = o.ocoLinked.isEmpty() ? null : orders.working(o.ocoLinked);
        if (partner != null) {
            cancel(partner, "OCO partner " + o.serverOrderId + " was canceled");
        }
    }

    /**
     * The new values of a replace the caller has judged acceptable: Quantity the new total (0 keeps
     * it), a price its IsSet flag gives, TimeInForce unless TIF_UNSET; ORDER_CANCEL_REPLACE_COMPLETE,
     * under a new ServerOrderID when so configured, answered to {@code asker} too.
     */
    void replace(Order o, CancelReplaceOrderView request, SessionLink asker) {
        double quantity = request.quantity();
        if (quantity > 0) {
            o.quantity = quantity;
        }
        if (newPrice(request, CancelReplaceOrder.PRICE1_IS_SET, CancelReplaceOrder.PRICE1)) {
            o.price1 = request.price1();
        }
        if (newPrice(request, CancelReplaceOrder.PRICE2_IS_SET, CancelReplaceOrder.PRICE2)) {
            o.price2 = request.price2();
        }
        if (request.timeInForceValue() != TimeInForce.UNSET.value()) {
            o.timeInForce = request.timeInForceValue();
        }
        if (newIdOnReplace) {
            String old = o.serverOrderId;
            o.previousServerOrderId = old;
            o.serverOrderId = ids.nextServerOrderId();
            orders.renumber(o, old);
            Order partner = o.ocoLinked.isEmpty() ? null : orders.working(o.ocoLinked);
            if (partner != null) {
                partner.ocoLinked = o.serverOrderId;
            }
        }
        LOG.info("{}: replaced {} -> ServerOrderID={} Quantity={} Price1={}", asker.label(),
                o.previousServerOrderId, o.serverOrderId, o.quantity, o.price1);
        store.replaced(o);
        delivery.answer(o, OrderUpdates.current(update, o, OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE, now()),
                asker);
    }

    /** A price the replace changes: its IsSet flag is 1 and, in JSON, the price is there. */
    static boolean newPrice(MessageView request, FieldSpec isSet, FieldSpec price) {
        return request.getLong(isSet) == 1 && request.isSet(price);
    }

    /** A new order the plan rejects: REJECTED / NEW_ORDER_REJECTED to its session, with {@code text}. */
    void reject(Order o, String text) {
        o.status = OrderStatus.REJECTED;
        SessionLink owner = delivery.owner(o);
        if (owner != null) {
            rejectRequest(owner, o.request, text);
        }
    }

    /** A request that never became an order: REJECTED / NEW_ORDER_REJECTED echoing its ids, to {@code to}. */
    void rejectRequest(SessionLink to, MessageView request, String problem) {
        LOG.info("{}: order ClientOrderID={} rejected: {}", to.label(), request.getString("ClientOrderID"), problem);
        delivery.send(to, OrderUpdates.rejected(request, problem, now()));
    }

    /** After a fill of {@code o}: cancel or reduce its OCO partner as PartialFillHandling says. */
    private void afterFill(Order o, double quantity) {
        Order partner = o.ocoLinked.isEmpty() ? null : orders.working(o.ocoLinked);
        if (partner == null) {
            return;
        }
        PartialFillHandling handling = PartialFillHandling.of(o.partialFillHandling);
        if (!o.isWorking() || handling == PartialFillHandling.HANDLING_IMMEDIATE_CANCEL) {
            cancel(partner, "OCO partner " + o.serverOrderId + " filled");
        } else if (handling == PartialFillHandling.HANDLING_REDUCE_QUANTITY) {
            partner.quantity = Math.max(partner.filled, partner.quantity - quantity);
            if (partner.remaining() <= 0) {
                cancel(partner, "OCO partner " + o.serverOrderId + " filled");
            } else {
                store.reduced(partner);
                delivery.deliver(partner, OrderUpdates.current(update, partner, OrderUpdateReason.GENERAL_ORDER_UPDATE,
                        now()));
            }
        }
    }
}
