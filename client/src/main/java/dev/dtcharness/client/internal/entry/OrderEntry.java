package dev.dtcharness.client.internal.entry;

import dev.dtcharness.client.OrderActionHandle;
import dev.dtcharness.client.OcoOrder;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderChange;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.internal.session.Connection;
import dev.dtcharness.client.internal.order.ClientOrderIds;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.client.internal.order.PendingActions;
import dev.dtcharness.client.internal.order.TrackedOrder;
import dev.dtcharness.client.internal.store.Persistence;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderType;

/**
 * Order entry (FACTS 3.2, 3.8): each new order is in the book (and known to persistence) before its bytes
 * leave, so no update can outrun it; an order that cannot be written ends REJECTED locally; cancels and
 * replaces wait for their answer in {@link PendingActions}. Runs on the app's threads.
 */
public final class OrderEntry {
    private final DtcClientConfig config;
    private final OrderBook book;
    private final PendingActions pending;
    private final Persistence persistence;
    private final Connection connection;
    private final ClientOrderIds ids = new ClientOrderIds();

    public OrderEntry(DtcClientConfig config, OrderBook book, PendingActions pending, Persistence persistence, Connection connection) {
        this.config = config;
        this.book = book;
        this.pending = pending;
        this.persistence = persistence;
        this.connection = connection;
    }

    public OrderHandle submit(OrderRequest request) {
        if (!connection.readyForOrders()) { // the words are built only when they may be needed
            String what = "submit " + request.side() + " " + request.quantity() + " " + request.symbol();
            connection.requireSendable(what);
            connection.requireServerReading(what);
        }
        String id = request.clientOrderId() != null ? request.clientOrderId() : ids.next();
        String account = request.tradeAccount() != null ? request.tradeAccount() : config.logon().tradeAccount();
        DtcMessage submit = OrderMessages.submit(request, id, account);
        TrackedOrder handle = registered(OrderMessages.sent(request, id, account));
        connection.send(submit, why -> book.failLocally(id, why));
        return handle;
    }

    public OcoOrder submitOco(OrderRequest first, OrderRequest second) {
        if (!first.symbol().equals(second.symbol())) {
            throw new DtcClientException("the legs of an OCO order share one Symbol, were " + first.symbol()
                    + " and " + second.symbol());
        }
        connection.requireSendable("submit an OCO order on " + first.symbol());
        connection.requireServerReading("submit an OCO order on " + first.symbol());
        String account = first.tradeAccount() != null ? first.tradeAccount() : config.logon().tradeAccount();
        String firstId = first.clientOrderId() != null ? first.clientOrderId() : ids.next();
        String secondId = second.clientOrderId() != null ? second.clientOrderId() : ids.next();
        DtcMessage oco = OrderMessages.oco(first, firstId, second, secondId, account);
        TrackedOrder a = registered(OrderMessages.sent(first, firstId, account));
        TrackedOrder b = registered(OrderMessages.sent(second, secondId, account));
        connection.send(oco, why -> {
            book.failLocally(firstId, why);
            book.failLocally(secondId, why);
        });
        return new OcoOrder(a, b);
    }

    public OrderHandle flatten(String symbol, String tradeAccount) {
        connection.requireSendable("flatten " + symbol);
        String account = tradeAccount != null ? tradeAccount : config.logon().tradeAccount();
        String id = ids.next();
        DtcMessage m = OrderMessages.flatten(symbol, "", account, id);
        TrackedOrder handle = registered(new Order(id, "", symbol, "", account, null, OrderType.MARKET.value(), Double.NaN,
                0, 0, 0, Double.NaN, Double.NaN, 0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
        connection.send(m, why -> book.failLocally(id, why));
        return handle;
    }

    public OrderActionHandle cancel(String clientOrderId) {
        TrackedOrder order = tracked(clientOrderId);
        connection.requireSendable("cancel order " + clientOrderId);
        OrderActionHandle handle = pending.expect("CANCEL_ORDER", order);
        connection.send(OrderMessages.cancel(order.current()), why -> pending.failed(handle, why));
        return handle;
    }

    public OrderActionHandle replace(String clientOrderId, OrderChange change) {
        TrackedOrder order = tracked(clientOrderId);
        connection.requireSendable("replace order " + clientOrderId);
        DtcMessage m = OrderMessages.replace(order.current(), change);
        OrderActionHandle handle = pending.expect("CANCEL_REPLACE_ORDER", order);
        connection.send(m, why -> pending.failed(handle, why));
        return handle;
    }

    private TrackedOrder registered(Order sent) {
        TrackedOrder t = book.register(sent);
        persistence.sent(t);
        return t;
    }

    private TrackedOrder tracked(String clientOrderId) {
        return book.tracked(clientOrderId).orElseThrow(() -> new DtcClientException("no order with ClientOrderID "
                + clientOrderId + " in the book"));
    }
}
