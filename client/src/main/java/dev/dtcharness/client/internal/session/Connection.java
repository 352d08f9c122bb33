package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.OfflineOrders;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.ConnectionEvent;
import dev.dtcharness.client.internal.routing.ReceivePath;
import dev.dtcharness.client.internal.routing.MessageRouter;
import dev.dtcharness.client.internal.reconcile.Reconciliation;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.WriteBatcher;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
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
 * The client's link to its server: the socket on the client's one event loop, the encoding and logon
 * sequence, the reconnects after a lost session (with the {@link Reconnector}), and every write, which
 * waits in the {@link OfflineQueue} while reconnecting when the policy says so. After each logon it
 * starts the reconciliation, then sends what was queued. What a read brings goes to the {@link ReceivePath}.
 *
 * <p>One file over 300 lines: connecting, reconnecting and writing share the channel, session and address
 * that each attempt replaces, so they stay together.
 */
public final class Connection implements Reconnector.Connections {
    private static final Logger log = LoggerFactory.getLogger(DtcClient.class);
    private static final int MAX_REDIRECTS = 3;

    private final DtcClientConfig config;
    /** The one loop every part of this client runs on; its group is shut down on close when the client made it. */
    private final EventLoop loop;
    private final EventLoopGroup ownGroup;
    private final ProblemCounter problems;
    private final ConnectionEvents events;
    private final ReceivePath received;
    private final MessageRouter router;
    private final Reconciliation reconciliation;
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

    public Connection(DtcClientConfig config, ProblemCounter problems, ConnectionEvents events, ReceivePath received,
               MessageRouter router, Reconciliation reconciliation) {
        this.config = config;
        this.problems = problems;
        this.events = events;
        this.received = received;
        this.router = router;
        this.reconciliation = reconciliation;
        this.queue = new OfflineQueue(config.recovery().offlineOrders(), problems);
        this.ownGroup = config.connection().eventLoopGroup() == null ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : null;
        this.loop = (ownGroup != null ? ownGroup : config.connection().eventLoopGroup()).next();
        this.host = config.connection().host();
        this.port = config.connection().port();
        this.reconnector = new Reconnector(config.recovery().reconnect(), loop, this);
    }

    /** See {@link DtcClient#connect()}. */
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
                return a.logon().get(config.connection().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String why = "no answer from " + address() + " within " + config.connection().connectTimeout().toMillis()
                        + " ms while " + a.handler().stage();
                a.handler().closingBecause(why);
                a.connected().channel().close().awaitUninterruptibly();
                throw new DtcClientException(why, e);
            } catch (ExecutionException e) {
                if (!a.handler().reconnectAddress().isEmpty() && redirects < MAX_REDIRECTS && moveTo(a.handler().reconnectAddress())) {
                    a.connected().channel().closeFuture().awaitUninterruptibly(config.connection().connectTimeout().toMillis());
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

    /** Logged on, with room in the socket's buffer: nothing to check before writing an order. */
    public boolean readyForOrders() {
        Channel c = channel;
        return isLoggedOn() && c.isWritable();
    }

    public ConnectionEvent.State state() {
        return events.state();
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    @Override
    public boolean closed() {
        return closed;
    }

    /** Throws unless a message may be written now, or queued while reconnecting as the offline policy allows. */
    public void requireSendable(String what) {
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
    public void requireServerReading(String what) {
        Channel c = channel;
        if (isLoggedOn() && c != null && !c.isWritable()) {
            throw new DtcClientException("cannot " + what + ": " + address() + " is not reading what the client sends"
                    + " (more than maxUnsentBytes, " + config.limits().maxUnsentBytes() + " bytes, wait unread); new orders are"
                    + " refused until it has read half of them");
        }
    }

    /** Writes now when logged on, else queues (requireSendable already allowed it). */
    public void send(DtcMessage m, Consumer<String> onFailure) {
        Channel c = channel;
        if (isLoggedOn()) {
            write(c, m, onFailure);
            return;
        }
        queue.add(m, onFailure);
    }

    /** Logs off (LOGOFF, DoNotReconnect 0), closes the connection, stops reconnecting and the event loop. */
    public void close() {
        closed = true;
        Channel c = channel;
        SessionHandler s = session;
        if (c != null && c.isActive() && s != null) {
            s.closingBecause("closed by the application");
            c.writeAndFlush(SessionMessages.logoff("client closing")).addListener(f -> c.close());
            c.closeFuture().awaitUninterruptibly(config.connection().connectTimeout().toMillis());
        }
        queue.failAll("the client was closed before it could send it");
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Override
    public void attempt(int attempt) {
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
                    a.handler().giveUpWaiting("no answer within " + config.connection().connectTimeout().toMillis() + " ms while "
                            + a.handler().stage());
                }
            }, config.connection().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public boolean moveTo(String hostPort) {
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

    @Override
    public void gaveUp(String why, int failedAttempts) {
        problems.error(log, "gave up on {}: {}", address(), why);
        event(ConnectionEvent.State.GAVE_UP, why, failedAttempts);
        queue.failAll("the client gave up reconnecting: " + why);
    }

    private Attempt open(int attempt) {
        String address = address();
        CompletableFuture<DtcMessage> logon = new CompletableFuture<>();
        SessionHandler handler = new SessionHandler(config, address, logon, received::received, problems);
        // Registered before the first byte: it then runs on the event loop, ahead of any update.
        logon.thenAccept(m -> onLoggedOn(attempt));
        handler.onEnd(this::onSessionEnd);
        handler.onReadBatchEnd(received::readDone);
        event(ConnectionEvent.State.CONNECTING, "", attempt);
        session = handler;
        ChannelFuture connected = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connection().connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.limits().maxUnsentBytes() / 2, config.limits().maxUnsentBytes()))
                .handler(new ClientInitializer(config, address, handler, router::lettingGo))
                .connect(host, port);
        writes = new WriteBatcher(connected.channel());
        channel = connected.channel();
        return new Attempt(connected, handler, logon);
    }

    /** On the event loop, before any message after LOGON_RESPONSE is read. */
    private void onLoggedOn(int attempt) {
        boolean again = reconnector.loggedOn();
        event(ConnectionEvent.State.LOGGED_ON, "", attempt);
        Channel c = channel;
        if (again || config.recovery().reconcileOnConnect()) {
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

    private void event(ConnectionEvent.State s, String cause, int attempt) {
        events.emit(s, address(), cause, attempt);
    }
}
