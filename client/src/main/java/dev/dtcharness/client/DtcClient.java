package dev.dtcharness.client;

import dev.dtcharness.client.order.ClientOrderIds;
import dev.dtcharness.client.order.OrderBook;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.client.order.PendingActions;
import dev.dtcharness.client.order.TrackedOrder;
import dev.dtcharness.client.reconcile.Reconciliation;
import dev.dtcharness.client.session.ClientInitializer;
import dev.dtcharness.client.session.SessionHandler;
import dev.dtcharness.client.session.SessionMessages;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.Persistence;
import dev.dtcharness.client.track.BalanceTracker;
import dev.dtcharness.client.track.FillDetector;
import dev.dtcharness.client.track.PositionTracker;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.WriteBatcher;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTC v8 client for a trading app: {@link #connect()} negotiates the encoding and logs on,
 * heartbeats keep the session, {@link #submit} sends SUBMIT_NEW_SINGLE_ORDER (208), and every
 * inbound message is routed, ORDER_UPDATE (301) through the {@link #orderBook()} first. A lost
 * session is re-established by the {@link ReconnectPolicy}, then reconciled (open orders and
 * fills). One event-loop thread per client delivers all messages in arrival order; listeners run on it.
 *
 * <p>One file over 300 lines: it wires the client's parts in its constructor, as lambdas not yet taken
 * apart into the types that own them.
 */
public final class DtcClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtcClient.class);
    private static final int MAX_REDIRECTS = 3;

    private final DtcClientConfig config;
    /** The one loop every part of this client runs on; its group is shut down on close when the client made it. */
    private final EventLoop loop;
    private final EventLoopGroup ownGroup;
    private final ProblemCounter problems = new ProblemCounter();
    private final OrderBook book;
    private final MessageRouter router;
    private final ClientOrderIds ids = new ClientOrderIds();
    private final PendingActions pending = new PendingActions();
    private final Reconciliation reconciliation;
    private final PositionTracker positions = new PositionTracker();
    private final BalanceTracker balances = new BalanceTracker();
    private final FillDetector fillDetector;
    private final Persistence persistence;
    private final ConnectionEvents events = new ConnectionEvents(problems);
    private final OfflineQueue queue;
    private final Reconnector reconnector;
    private volatile Channel channel;
    private volatile WriteBatcher writes;
    private volatile SessionHandler session;
    private volatile String host;
    private volatile int port;
    private volatile boolean closed;

    private record Attempt(ChannelFuture connected, SessionHandler handler, CompletableFuture<DtcMessage> logon) {
    }

    public DtcClient(DtcClientConfig config) {
        this.config = config;
        this.book = new OrderBook(problems, config.retainFinishedOrders());
        this.router = new MessageRouter(book, problems);
        this.fillDetector = new FillDetector(config.retainFinishedOrders());
        this.ownGroup = config.eventLoopGroup() == null ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : null;
        this.loop = (ownGroup != null ? ownGroup : config.eventLoopGroup()).next();
        this.host = config.host();
        this.port = config.port();
        this.reconciliation = new Reconciliation(config, book, problems, router::publish);
        this.queue = new OfflineQueue(config.offlineOrders(), problems);
        this.reconnector = new Reconnector(config.reconnect(), loop, new Reconnector.Connections() {
            @Override
            public void attempt(int attempt) {
                reconnect(attempt);
            }

            @Override
            public boolean moveTo(String hostPort) {
                return DtcClient.this.moveTo(hostPort);
            }

            @Override
            public String address() {
                return DtcClient.this.address();
            }

            @Override
            public void gaveUp(String why, int failedAttempts) {
                problems.error(log, "gave up on {}: {}", address(), why);
                event(ConnectionEvent.State.GAVE_UP, why, failedAttempts);
                queue.failAll("the client gave up reconnecting: " + why);
            }

            @Override
            public boolean closed() {
                return closed;
            }
        });
        this.persistence = new Persistence(config, problems);
        if (persistence.enabled()) {
            reconciliation.countedFillsUntil(persistence.restoreInto(book, positions));
        }
        if (persistence.database() != null) {
            OrderHistoryDb db = persistence.database();
            book.earlierFills(id -> {
                try {
                    return db.fill(id);
                } catch (RuntimeException e) {
                    problems.warn(log, "cannot compare repeated execution {} with the one recorded: {}", id, e.getMessage());
                    return null;
                }
            });
        }
        // Positions first, so the state file saved next already holds this fill.
        router.onBookChange(applied -> {
            if (applied.newFill() != null) {
                positions.onFill(applied.newFill(), applied.after());
            }
            if (persistence.enabled()) {
                persistence.record(applied, book, positions);
            }
        });
        router.onBookChange(pending::onApplied);
        router.onFill(fillDetector);
        router.onOrderUpdate(fillDetector);
        router.onMessageInside("POSITION_UPDATE", positions::onPositionUpdate);
        router.onMessageInside("ACCOUNT_BALANCE_UPDATE", balances::onBalanceUpdate);
    }

    /**
     * Connects, negotiates and logs on; returns the LOGON_RESPONSE once LOGON_SUCCESS arrived.
     * Follows a LOGON_RECONNECT_NEW_ADDRESS. Throws a {@link DtcClientException} saying what failed
     * and where (refused connection, refused encoding or logon, no answer within the connect timeout).
     */
    public DtcMessage connect() {
        if (closed) {
            throw new DtcClientException("the client for " + address() + " is closed");
        }
        if (channel != null && channel.isActive()) {
            throw new DtcClientException("already connected to " + address());
        }
        for (int redirects = 0; ; redirects++) {
            Attempt a = open(0);
            a.connected().awaitUninterruptibly();
            if (!a.connected().isSuccess()) {
                String why = "cannot connect to " + address() + ": " + a.connected().cause().getMessage();
                event(ConnectionEvent.State.DISCONNECTED, why, 0);
                throw new DtcClientException(why, a.connected().cause());
            }
            try {
                return a.logon().get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String why = "no answer from " + address() + " within " + config.connectTimeout().toMillis()
                        + " ms while " + a.handler().stage();
                a.handler().closingBecause(why);
                a.connected().channel().close().awaitUninterruptibly();
                throw new DtcClientException(why, e);
            } catch (ExecutionException e) {
                if (!a.handler().reconnectAddress().isEmpty() && redirects < MAX_REDIRECTS && moveTo(a.handler().reconnectAddress())) {
                    a.connected().channel().closeFuture().awaitUninterruptibly(config.connectTimeout().toMillis());
                    continue;
                }
                throw e.getCause() instanceof DtcClientException d ? d
                        : new DtcClientException("logon to " + address() + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a.connected().channel().close();
                throw new DtcClientException("interrupted while logging on to " + address(), e);
            }
        }
    }

    public boolean isLoggedOn() {
        SessionHandler s = session;
        Channel c = channel;
        return s != null && c != null && c.isActive() && s.isLoggedOn();
    }

    /** The latest connection state: CONNECTING, LOGGED_ON, DISCONNECTED (maybe reconnecting) or GAVE_UP. */
    public ConnectionEvent.State connectionState() {
        return events.state();
    }

    /** "host:port" in use now: the configured one, or where a LOGON_RECONNECT_NEW_ADDRESS sent the client. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * Sends the order as SUBMIT_NEW_SINGLE_ORDER (208) and returns its handle at once. The order is
     * in the book before the bytes leave, so no update can outrun it; an order that cannot be
     * written ends REJECTED locally with the reason. While reconnecting it is refused or queued, as
     * {@link DtcClientConfig#offlineOrders()} says.
     */
    public OrderHandle submit(OrderRequest request) {
        if (!isLoggedOn() || !channel.isWritable()) { // the words are built only when they may be needed
            String what = "submit " + request.side() + " " + request.quantity() + " " + request.symbol();
            requireSendable(what);
            requireServerReading(what);
        }
        String id = request.clientOrderId() != null ? request.clientOrderId() : ids.next();
        String account = request.tradeAccount() != null ? request.tradeAccount() : config.tradeAccount();
        DtcMessage submit = request.toSubmit(id, account);
        TrackedOrder handle = book.register(request.toSentOrder(id, account));
        send(submit, why -> book.failLocally(id, why));
        return handle;
    }

    /**
     * Sends SUBMIT_NEW_OCO_ORDER (201): two orders on one symbol, the fill or cancel of one cancels
     * the other on the server. Each leg gets its own handle and ClientOrderID.
     */
    public OcoOrder submitOco(OrderRequest first, OrderRequest second) {
        if (!first.symbol().equals(second.symbol())) {
            throw new DtcClientException("the legs of an OCO order share one Symbol, were " + first.symbol()
                    + " and " + second.symbol());
        }
        requireSendable("submit an OCO order on " + first.symbol());
        requireServerReading("submit an OCO order on " + first.symbol());
        String account = first.tradeAccount() != null ? first.tradeAccount() : config.tradeAccount();
        String firstId = first.clientOrderId() != null ? first.clientOrderId() : ids.next();
        String secondId = second.clientOrderId() != null ? second.clientOrderId() : ids.next();
        DtcMessage oco = OrderMessages.oco(first, firstId, second, secondId, account);
        TrackedOrder a = book.register(first.toSentOrder(firstId, account));
        TrackedOrder b = book.register(second.toSentOrder(secondId, account));
        send(oco, why -> {
            book.failLocally(firstId, why);
            book.failLocally(secondId, why);
        });
        return new OcoOrder(a, b);
    }

    /**
     * Sends SUBMIT_FLATTEN_POSITION_ORDER (209): the server makes the order that closes the
     * position; the returned handle follows that order by the ClientOrderID sent.
     */
    public OrderHandle flatten(String symbol, String tradeAccount) {
        requireSendable("flatten " + symbol);
        String account = tradeAccount != null ? tradeAccount : config.tradeAccount();
        String id = ids.next();
        DtcMessage m = OrderMessages.flatten(symbol, "", account, id);
        TrackedOrder handle = book.register(new Order(id, "", symbol, "", account, null,
                DtcSpec.v8().enumValue("OrderTypeEnum", "ORDER_TYPE_MARKET"), Double.NaN, 0, 0, 0, Double.NaN, Double.NaN,
                0, "", OrderStatus.ORDER_SENT.value(), 0, "", 0));
        send(m, why -> book.failLocally(id, why));
        return handle;
    }

    /**
     * Sends CANCEL_ORDER (203) for an order of the book. The returned handle completes accepted on
     * ORDER_CANCELED, rejected on ORDER_CANCEL_REJECTED ("too late to cancel": the order's status
     * is left as it was), or rejected when the order ends another way first.
     */
    public OrderActionHandle cancel(String clientOrderId) {
        TrackedOrder order = tracked(clientOrderId);
        requireSendable("cancel order " + clientOrderId);
        OrderActionHandle handle = pending.expect("CANCEL_ORDER", order);
        send(OrderMessages.cancel(order.current()), why -> pending.failed(handle, why));
        return handle;
    }

    /** Sends CANCEL_REPLACE_ORDER (204); the handle completes on ORDER_CANCEL_REPLACE_COMPLETE or _REJECTED. */
    public OrderActionHandle replace(String clientOrderId, OrderChange change) {
        TrackedOrder order = tracked(clientOrderId);
        requireSendable("replace order " + clientOrderId);
        DtcMessage m = OrderMessages.replace(order.current(), change);
        OrderActionHandle handle = pending.expect("CANCEL_REPLACE_ORDER", order);
        send(m, why -> pending.failed(handle, why));
        return handle;
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

    /** The order-history database when {@link DtcClientConfig#historyDatabase()} is set, else null. */
    public OrderHistoryDb historyDatabase() {
        return persistence.database();
    }

    /** The warnings and errors this client logged: a healthy run ends with both counts at zero. */
    public ProblemCounter problems() {
        return problems;
    }

    public OrderBook orderBook() {
        return book;
    }

    public DtcClientConfig config() {
        return config;
    }

    /** Logs off (LOGOFF, DoNotReconnect 0), closes the connection, stops reconnecting and the event loop. */
    @Override
    public void close() {
        closed = true;
        Channel c = channel;
        SessionHandler s = session;
        if (c != null && c.isActive() && s != null) {
            s.closingBecause("closed by the application");
            c.writeAndFlush(SessionMessages.logoff("client closing")).addListener(f -> c.close());
            c.closeFuture().awaitUninterruptibly(config.connectTimeout().toMillis());
        }
        queue.failAll("the client was closed before it could send it");
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        persistence.close();
        log.debug("client for {} closed", address());
    }

    private Attempt open(int attempt) {
        String address = address();
        CompletableFuture<DtcMessage> logon = new CompletableFuture<>();
        SessionHandler handler = new SessionHandler(config, address, logon, this::inbound, problems);
        // Registered before the first byte: it then runs on the event loop, ahead of any update.
        logon.thenAccept(m -> onLoggedOn(handler, attempt));
        handler.onEnd(this::onSessionEnd);
        handler.onReadBatchEnd(book::releaseCompletions);
        event(ConnectionEvent.State.CONNECTING, "", attempt);
        session = handler;
        ChannelFuture connected = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.maxUnsentBytes() / 2, config.maxUnsentBytes()))
                .handler(new ClientInitializer(config, address, handler, router::lettingGo))
                .connect(host, port);
        writes = new WriteBatcher(connected.channel());
        channel = connected.channel();
        return new Attempt(connected, handler, logon);
    }

    private void inbound(Object m) {
        // Orders ended by this read complete their handles together when the read is done (onReadBatchEnd):
        // an app thread waiting on many of them is woken once per read, not once per order.
        book.holdCompletions();
        boolean fillRefused = router.route(m);
        if (m instanceof DtcMessage d) {
            reconciliation.afterRouted(d, fillRefused);
        }
    }

    /** On the event loop, before any message after LOGON_RESPONSE is read. */
    private void onLoggedOn(SessionHandler handler, int attempt) {
        boolean again = reconnector.loggedOn();
        event(ConnectionEvent.State.LOGGED_ON, "", attempt);
        Channel c = channel;
        if (again || config.reconcileOnConnect()) {
            reconciliation.start(c, m -> write(c, m, why -> problems.warn(log, "could not send {}: {}", m.name(), why)));
        }
        List<OfflineQueue.Held> held = queue.drain();
        if (!held.isEmpty()) {
            log.info("sending {} message(s) queued while disconnected", held.size());
        }
        held.forEach(q -> write(c, q.message(), q.onFailure()));
    }

    /** On the event loop, once per connection that ends. */
    private void onSessionEnd(SessionHandler handler) {
        if (handler != session) {
            return;
        }
        event(ConnectionEvent.State.DISCONNECTED, handler.closeReason(), reconnector.failedAttempts());
        reconnector.sessionEnded(handler);
    }

    private void reconnect(int attempt) {
        Attempt a = open(attempt);
        a.connected().addListener(f -> {
            if (!f.isSuccess()) {
                event(ConnectionEvent.State.DISCONNECTED, "cannot connect to " + address() + ": "
                        + f.cause().getMessage(), attempt);
                reconnector.connectFailed();
                return;
            }
            loop.schedule(() -> {
                if (!a.logon().isDone()) {
                    a.handler().giveUpWaiting("no answer within " + config.connectTimeout().toMillis() + " ms while "
                            + a.handler().stage());
                }
            }, config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private boolean moveTo(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            String h = colon > 0 ? hostPort.substring(0, colon) : hostPort;
            int p = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1).trim()) : port;
            log.info("the server at {} sent the client to {}", address(), hostPort);
            host = h.trim();
            port = p;
            return true;
        } catch (NumberFormatException e) {
            problems.warn(log, "ignored ReconnectAddress \"{}\": not host:port", hostPort);
            return false;
        }
    }

    private void requireSendable(String what) {
        if (isLoggedOn()) {
            return;
        }
        boolean reconnecting = reconnector.reconnecting();
        if (reconnecting && !closed && queue.queues()) {
            queue.requireRoom(what, address());
            return;
        }
        throw new DtcClientException("cannot " + what + ": not logged on to " + address()
                + (reconnecting ? " (reconnecting; orders are refused meanwhile, OfflineOrders.queueUpTo(n) queues them)" : ""));
    }

    /**
     * Refuses a new order while the server leaves more than {@code maxUnsentBytes} unread: the order would
     * only wait in memory, behind others, with no date at which it would leave.
     */
    private void requireServerReading(String what) {
        Channel c = channel;
        if (isLoggedOn() && c != null && !c.isWritable()) {
            throw new DtcClientException("cannot " + what + ": " + address() + " is not reading what the client sends"
                    + " (more than maxUnsentBytes, " + config.maxUnsentBytes() + " bytes, wait unread); new orders are"
                    + " refused until it has read half of them");
        }
    }

    /** Writes now when logged on, else queues (requireSendable already allowed it). */
    private void send(DtcMessage m, Consumer<String> onFailure) {
        Channel c = channel;
        if (isLoggedOn()) {
            write(c, m, onFailure);
            return;
        }
        queue.add(m, onFailure);
    }

    private void write(Channel c, DtcMessage m, Consumer<String> onFailure) {
        // Before the bytes leave, so a reconciliation on a later connection knows where this order went.
        reconciliation.written(m, c);
        WriteBatcher w = writes;
        if (w == null || w.channel() != c) {
            c.writeAndFlush(m).addListener(f -> {
                if (!f.isSuccess()) {
                    onFailure.accept("could not write to " + address() + ": " + f.cause());
                }
            });
            return;
        }
        // Orders from app threads share one loop task and one flush per burst (see WriteBatcher).
        w.send(m, f -> {
            if (!f.isSuccess()) {
                onFailure.accept("could not write to " + address() + ": " + f.cause());
            }
        });
    }

    private TrackedOrder tracked(String clientOrderId) {
        return book.tracked(clientOrderId).orElseThrow(() -> new DtcClientException("no order with ClientOrderID "
                + clientOrderId + " in the book"));
    }

    private void event(ConnectionEvent.State s, String cause, int attempt) {
        events.emit(s, address(), cause, attempt);
    }
}
