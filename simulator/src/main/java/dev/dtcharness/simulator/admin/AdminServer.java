package dev.dtcharness.simulator.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP admin API (JSON over HTTP/1.1, on the simulator's host): sessions, orders,
 * fills, faults, scenario, journal, reset. One event-loop thread; every call is short. Every request
 * passes {@link AdminGuard} first (Host, Origin, token, Content-Type); beyond loopback a token is required.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    /** Scenario files are small; anything bigger is a mistake. */
    private static final int MAX_BODY = 1 << 20;

    private final EventLoopGroup group;
    private final Channel channel;

    private AdminServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Serves {@code simulator} on {@code host}:{@code port} (0: any free one), requiring {@code token} when not null. */
    public static AdminServer start(Administered simulator, String host, int port, String token) {
        requireTokenBeyondLoopback(host, token);
        AdminGuard guard = new AdminGuard(host, token);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new HttpObjectAggregator(MAX_BODY))
                                .addLast(new AdminHandler(simulator, guard));
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new IllegalStateException("cannot listen for the admin API on " + host + ":" + port + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        dev.dtcharness.simulator.session.AcceptFailures.watch(bound.channel(), "admin API");
        AdminServer server = new AdminServer(group, bound.channel());
        LOG.info("admin API listening on http://{}:{}/", host, server.port());
        return server;
    }

    /**
     * Refuses an admin API that other machines could reach without a token: anyone on the network
     * could otherwise fill, cancel and reset. Loopback needs none (the Host and Origin checks keep
     * browsers out).
     */
    public static void requireTokenBeyondLoopback(String host, String token) {
        if (token == null && AdminHosts.beyondLoopback(host)) {
            throw new IllegalStateException("the admin API would listen on " + host + ", beyond loopback, without a"
                    + " token: give one (--admin-token-file PATH or the environment variable DTC_ADMIN_TOKEN;"
                    + " SimulatorConfig.builder().adminToken) or listen on 127.0.0.1");
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
