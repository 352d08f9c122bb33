package dev.dtcharness.client;

import dev.dtcharness.client.order.ClientOrderIds;
import dev.dtcharness.client.order.OrderBook;
import dev.dtcharness.client.order.TrackedOrder;
import dev.dtcharness.client.session.ClientInitializer;
import dev.dtcharness.client.session.SessionHandler;
import dev.dtcharness.client.session.SessionMessages;
import dev.dtcharness.protocol.DtcMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTC v8 client for a trading app: {@link #connect()} negotiates the encoding and logs on,
 * heartbeats keep the session, {@link #submit} sends SUBMIT_NEW_SINGLE_ORDER (208), and every
 * inbound message is routed, ORDER_UPDATE (301) through the {@link #orderBook()} first.
 * One event-loop thread per client delivers all messages in arrival order; listeners run on it.
 */
public final class DtcClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtcClient.class);

    private final DtcClientConfig config;
    private final EventLoopGroup group;
    private final ProblemCounter problems = new ProblemCounter();
    private final OrderBook book = new OrderBook(problems);
    private final MessageRouter router = new MessageRouter(book, problems);
    private final ClientOrderIds ids = new ClientOrderIds();
    private volatile Channel channel;
    private volatile SessionHandler session;

    public DtcClient(DtcClientConfig config) {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    /**
     * Connects, negotiates and logs on; returns the LOGON_RESPONSE once LOGON_SUCCESS arrived.
     * Throws a {@link DtcClientException} saying what failed and where (refused connection,
     * refused encoding or logon, no answer within the connect timeout).
     */
    public DtcMessage connect() {
        if (channel != null && channel.isActive()) {
            throw new DtcClientException("already connected to " + config.address());
        }
        CompletableFuture<DtcMessage> logon = new CompletableFuture<>();
        SessionHandler handler = new SessionHandler(config, logon, router::route);
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ClientInitializer(config, handler))
                .connect(config.host(), config.port())
                .awaitUninterruptibly();
        if (!connected.isSuccess()) {
            throw new DtcClientException("cannot connect to " + config.address() + ": "
                    + connected.cause().getMessage(), connected.cause());
        }
        channel = connected.channel();
        session = handler;
        try {
            return logon.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String stage = handler.stage();
            handler.closingBecause("no answer within " + config.connectTimeout().toMillis() + " ms while " + stage);
            channel.close().awaitUninterruptibly();
            throw new DtcClientException("no answer from " + config.address() + " within "
                    + config.connectTimeout().toMillis() + " ms while " + stage, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DtcClientException d ? d
                    : new DtcClientException("logon to " + config.address() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new DtcClientException("interrupted while logging on to " + config.address(), e);
        }
    }

    public boolean isLoggedOn() {
        SessionHandler s = session;
        Channel c = channel;
        return s != null && c != null && c.isActive() && s.isLoggedOn();
    }

    /**
     * Sends the order as SUBMIT_NEW_SINGLE_ORDER (208) and returns its handle at once. The order is
     * in the book before the bytes leave, so no update can outrun it; an order that cannot be
     * written ends REJECTED locally with the reason.
     */
    public OrderHandle submit(OrderRequest request) {
        Channel c = channel;
        if (!isLoggedOn()) {
            throw new DtcClientException("cannot submit " + request.side() + " " + request.quantity() + " "
                    + request.symbol() + ": not logged on to " + config.address());
        }
        String id = request.clientOrderId() != null ? request.clientOrderId() : ids.next();
        String account = request.tradeAccount() != null ? request.tradeAccount() : config.tradeAccount();
        DtcMessage submit = request.toSubmit(id, account);
        TrackedOrder handle = book.register(request.toSentOrder(id, account));
        c.writeAndFlush(submit).addListener(f -> {
            if (!f.isSuccess()) {
                book.failLocally(id, "could not write to " + config.address() + ": " + f.cause());
            }
        });
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

    /** Logs off (LOGOFF, DoNotReconnect 0), closes the connection and stops the event loop. */
    @Override
    public void close() {
        Channel c = channel;
        SessionHandler s = session;
        if (c != null && c.isActive() && s != null) {
            s.closingBecause("closed by the application");
            c.writeAndFlush(SessionMessages.logoff("client closing")).addListener(f -> c.close());
            c.closeFuture().awaitUninterruptibly(config.connectTimeout().toMillis());
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        log.debug("client for {} closed", config.address());
    }
}
