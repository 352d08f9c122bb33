package dev.dtcharness.simulator;

import dev.dtcharness.simulator.exchange.FillingExchange;
import dev.dtcharness.simulator.session.SimulatorInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Sierra Chart DTC server (FACTS.md sections 1.7, 2 and 3): negotiates the encoding, logs
 * clients on, sends heartbeats, and fills every order. Embed it with
 * {@code try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.defaults().dynamicPort())) { ... sim.port() ... }}.
 */
public final class DtcSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtcSimulator.class);

    private final SimulatorConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup sessions;
    private final Channel serverChannel;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DtcSimulator(SimulatorConfig config, EventLoopGroup bossGroup, EventLoopGroup workerGroup,
                         ChannelGroup sessions, Channel serverChannel) {
        this.config = config;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.sessions = sessions;
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Binds and returns once the simulator accepts connections; throws when the address cannot be bound. */
    public static DtcSimulator start(SimulatorConfig config) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ChannelGroup sessions = new DefaultChannelGroup("dtc-sessions", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Answers waiting for a slow reader are capped near 1 MiB per session (see ReadWhileWritable).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new SimulatorInitializer(config, new FillingExchange(config), sessions));
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown(boss, workers);
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        DtcSimulator simulator = new DtcSimulator(config, boss, workers, sessions, bound.channel());
        LOG.info("DTC simulator listening on {}:{}", config.host(), simulator.port());
        return simulator;
    }

    /** The port actually bound: the configured one, or the free port picked for port 0. */
    public int port() {
        return port;
    }

    public String host() {
        return config.host();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Sessions currently connected. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Stops accepting, closes every session and waits for the event loops to end. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        sessions.close().awaitUninterruptibly();
        shutdown(bossGroup, workerGroup);
        LOG.info("DTC simulator on {}:{} stopped", config.host(), port);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        // No quiet period: every channel is already closed, nothing is left to drain.
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly();
        workers.terminationFuture().awaitUninterruptibly();
    }
}
