package dev.dtcharness.client;

import dev.dtcharness.client.internal.routing.ReceivePath;
import dev.dtcharness.client.internal.routing.MessageRouter;
import dev.dtcharness.client.internal.routing.Bookkeeping;
import dev.dtcharness.client.internal.session.Connection;
import dev.dtcharness.client.internal.session.ConnectionEvents;
import dev.dtcharness.client.internal.entry.OrderEntry;
import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.client.internal.order.PendingActions;
import dev.dtcharness.client.internal.reconcile.Reconciliation;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.internal.store.Persistence;
import dev.dtcharness.client.track.BalanceTracker;
import dev.dtcharness.client.track.FillDetector;
import dev.dtcharness.client.track.PositionTracker;
import dev.dtcharness.protocol.DtcMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTC v8 client for a trading app: {@link #connect()} negotiates the encoding and logs on,
 * heartbeats keep the session, {@link #submit} sends SUBMIT_NEW_SINGLE_ORDER (208), and every
 * inbound message is routed, ORDER_UPDATE (301) through the {@link #orderBook()} first. A lost
 * session is re-established by the {@link ReconnectPolicy}, then reconciled (open orders and
 * fills). One event-loop thread per client delivers all messages in arrival order; listeners run on it.
 *
 * <p>A facade: the {@link Connection} holds the socket, the logon and the reconnects, {@link OrderEntry}
 * submits, cancels and replaces, and the constructor only puts the parts together.
 */
public final class DtcClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtcClient.class);

    private final DtcClientConfig config;
    private final ProblemCounter problems = new ProblemCounter();
    private final OrderBook book;
    private final MessageRouter router;
    private final Reconciliation reconciliation;
    private final PositionTracker positions = new PositionTracker();
    private final BalanceTracker balances = new BalanceTracker();
    private final FillDetector fillDetector;
    private final Persistence persistence;
    private final ConnectionEvents events = new ConnectionEvents(problems);
    private final Connection connection;
    private final OrderEntry entry;

    public DtcClient(DtcClientConfig config) {
        this.config = config;
        this.book = new OrderBook(problems, config.limits().retainFinishedOrders());
        this.router = new MessageRouter(book, problems);
        this.fillDetector = new FillDetector(config.limits().retainFinishedOrders());
        this.reconciliation = new Reconciliation(config, book, problems, router::publish);
        this.persistence = new Persistence(config, problems);
        if (persistence.enabled()) {
            reconciliation.countedFillsUntil(persistence.restoreInto(book, positions));
        }
        if (persistence.database() != null) {
            book.earlierFills(persistence::recordedFill);
        }
        PendingActions pending = new PendingActions();
        router.onBookChange(new Bookkeeping(positions, persistence, pending));
        router.onFill(fillDetector);
        router.onOrderUpdate(fillDetector);
        router.onMessageInside("POSITION_UPDATE", positions::onPositionUpdate);
        router.onMessageInside("ACCOUNT_BALANCE_UPDATE", balances::onBalanceUpdate);
        this.connection = new Connection(config, problems, events, new ReceivePath(book, router, reconciliation), router,
                reconciliation);
        this.entry = new OrderEntry(config, book, pending, persistence, connection);
    }

    /**
     * Connects, negotiates and logs on; returns the LOGON_RESPONSE once LOGON_SUCCESS arrived.
     * Follows a LOGON_RECONNECT_NEW_ADDRESS. Throws a {@link DtcClientException} saying what failed
     * and where (refused connection, refused encoding or logon, no answer within the connect timeout).
     */
    public DtcMessage connect() {
        return connection.connect();
    }

    public boolean isLoggedOn() {
        return connection.isLoggedOn();
    }

    /** The latest connection state: CONNECTING, LOGGED_ON, DISCONNECTED (maybe reconnecting) or GAVE_UP. */
    public ConnectionEvent.State connectionState() {
        return connection.state();
    }

    /** "host:port" in use now: the configured one, or where a LOGON_RECONNECT_NEW_ADDRESS sent the client. */
    public String address() {
        return connection.address();
    }

    /**
     * Sends the order as SUBMIT_NEW_SINGLE_ORDER (208) and returns its handle at once. The order is
     * in the book before the bytes leave, so no update can outrun it; an order that cannot be
     * written ends REJECTED locally with the reason. While reconnecting it is refused or queued, as
     * {@link DtcClientConfig.RecoverySettings#offlineOrders()} says.
     */
    public OrderHandle submit(OrderRequest request) {
        return entry.submit(request);
    }

    /**
     * Sends SUBMIT_NEW_OCO_ORDER (201): two orders on one symbol, the fill or cancel of one cancels
     * the other on the server. Each leg gets its own handle and ClientOrderID.
     */
    public OcoOrder submitOco(OrderRequest first, OrderRequest second) {
        return entry.submitOco(first, second);
    }

    /**
     * Sends SUBMIT_FLATTEN_POSITION_ORDER (209): the server makes the order that closes the
     * position; the returned handle follows that order by the ClientOrderID sent.
     */
    public OrderHandle flatten(String symbol, String tradeAccount) {
        return entry.flatten(symbol, tradeAccount);
    }

    /**
     * Sends CANCEL_ORDER (203) for an order of the book. The returned handle completes accepted on
     * ORDER_CANCELED, rejected on ORDER_CANCEL_REJECTED ("too late to cancel": the order's status
     * is left as it was), or rejected when the order ends another way first.
     */
    public OrderActionHandle cancel(String clientOrderId) {
        return entry.cancel(clientOrderId);
    }

    /** Sends CANCEL_REPLACE_ORDER (204); the handle completes on ORDER_CANCEL_REPLACE_COMPLETE or _REJECTED. */
    public OrderActionHandle replace(String clientOrderId, OrderChange change) {
        return entry.replace(clientOrderId, change);
    }

    /** Calls {@code listener} for every inbound message of that DTC name, e.g. "ORDER_UPDATE". */
    public Subscription onMessage(String messageName, MessageListener listener) {
        return router.onMessage(messageName, listener);
    }

    /** Calls {@code listener} after each ORDER_UPDATE was applied to the order book. */
    public Subscription onOrderUpdate(OrderListener listener) {
        return router.onOrderUpdate(listener);
    }

    /** Calls {@code listener} once per fill, the first time the client learns of it (never twice for one execution id). */
    public Subscription onFill(FillListener listener) {
        return router.onFill(listener);
    }

    /** Calls {@code listener} on every connection change: connecting, logged on, disconnected (with cause), gave up. */
    public Subscription onConnection(ConnectionListener listener) {
        return events.add(listener);
    }

    /** How many times the book was reconciled with the server's open orders after a logon. */
    public int reconciliations() {
        return reconciliation.completedRounds();
    }

    /** Positions per account and symbol from the client's fills (and as the server reports them). */
    public PositionTracker positions() {
        return positions;
    }

    /** The latest ACCOUNT_BALANCE_UPDATE per account. */
    public BalanceTracker balances() {
        return balances;
    }

    /** Fill, filled and canceled events, each detected once. */
    public FillDetector fillDetector() {
        return fillDetector;
    }

    /** The order-history database when {@link DtcClientConfig.StorageSettings#historyDatabase()} is set, else null. */
    public OrderHistoryDb historyDatabase() {
        return persistence.database();
    }

    /** The warnings and errors this client logged: a healthy run ends with both counts at zero. */
    public ProblemCounter problems() {
        return problems;
    }

    /** The orders the client knows, as snapshots. */
    public Orders orderBook() {
        return book;
    }

    /**
     * Adds an order this process did not place but knows of (from a record, or ids a user typed), so that
     * {@link #cancel} and {@link #replace} can name it; an order the book holds already is left as it is.
     */
    public void track(Order known) {
        book.restore(known, java.util.List.of());
    }

    public DtcClientConfig config() {
        return config;
    }

    /** Logs off (LOGOFF, DoNotReconnect 0), closes the connection, stops reconnecting and the event loop. */
    @Override
    public void close() {
        connection.close();
        persistence.close();
        log.debug("client for {} closed", address());
    }
}
