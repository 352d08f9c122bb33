package dev.dtcharness.simulator;

import dev.dtcharness.simulator.admin.AdminServer;
import dev.dtcharness.simulator.admin.Administered;
import dev.dtcharness.simulator.exchange.ExchangeStore;
import dev.dtcharness.simulator.exchange.OrderEngine;
import dev.dtcharness.simulator.exchange.SimulatedExchange;
import dev.dtcharness.simulator.fault.FrameSlicer;
import dev.dtcharness.simulator.fault.OutboundGate;
import dev.dtcharness.simulator.fault.SimulatorFaults;
import dev.dtcharness.simulator.journal.Journal;
import dev.dtcharness.simulator.persist.JsonLinesExchangeStore;
import dev.dtcharness.simulator.session.Session;
import dev.dtcharness.simulator.session.SessionRegistry;
import dev.dtcharness.simulator.session.AcceptFailures;
import dev.dtcharness.simulator.session.SimulatorInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Sierra Chart DTC server (FACTS.md sections 1.7, 2 and 3): negotiates the encoding, logs
 * clients on, sends heartbeats, and answers orders and trading requests from a simulated exchange. Embed it with
 * {@code try (DtcSimulator sim = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build())) { ... sim.port() ... }}.
 */
public final class DtcSimulator implements Administered, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtcSimulator.class);

    private final SimulatorConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup sessions;
    private final Channel serverChannel;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Parts parts;
    private volatile AdminServer admin;

    /** What one simulator shares between its sessions. */
    private record Parts(OrderEngine engine, SessionRegistry registry, Journal journal, SimulatorFaults faults, Clock clock) {
    }

    private DtcSimulator(SimulatorConfig config, EventLoopGroup bossGroup, EventLoopGroup workerGroup,
                         ChannelGroup sessions, Channel serverChannel, Parts parts) {
        this.config = config;
        this.parts = parts;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.sessions = sessions;
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The listening channel, for tests that put a failed accept through its pipeline. */
    Channel listeningChannel() {
        return serverChannel;
    }

    /** Binds and returns once the simulator accepts connections; throws when the address cannot be bound. */
    public static DtcSimulator start(SimulatorConfig config) {
        // The state directory first: one that cannot be opened leaves no threads behind.
        ExchangeStore store = config.storage().stateDirectory() == null ? ExchangeStore.NONE
                : new JsonLinesExchangeStore(config.storage().stateDirectory(), config.storage().compactAfterEvents());
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dtc-sim-accept"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.connection().ioThreads(),
                new DefaultThreadFactory("dtc-sim-io"), NioIoHandler.newFactory());
        ChannelGroup sessions = new DefaultChannelGroup("dtc-sessions", GlobalEventExecutor.INSTANCE);
        Parts parts;
        try {
            parts = parts(config, workers.next(), store);
        } catch (RuntimeException e) {
            // A state file that cannot be read back: nothing may be left running or locked.
            shutdown(boss, workers);
            store.close();
            throw e;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Each session's write-buffer water marks: SimulatorInitializer (SimulatorConfig.sessionOutboundLimit).
                .childHandler(new SimulatorInitializer(config, parts.engine(), sessions, parts.registry(),
                        parts.journal(), parts.faults(), parts.clock()));
        ChannelFuture bound = bootstrap.bind(config.connection().host(), config.connection().port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown(boss, workers);
            parts.engine().close();
            throw new IllegalStateException("cannot listen on " + config.connection().host() + ":" + config.connection().port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        AcceptFailures.watch(bound.channel(), "DTC simulator");
        DtcSimulator simulator = new DtcSimulator(config, boss, workers, sessions, bound.channel(), parts);
        LOG.info("DTC simulator listening on {}:{}", config.connection().host(), simulator.port());
        if (config.admin().port() >= 0) {
            try {
                simulator.admin = AdminServer.start(simulator, config.connection().host(), config.admin().port(),
                        config.admin().token());
            } catch (RuntimeException e) {
                simulator.close();
                throw e;
            }
        }
        return simulator;
    }

    private static Parts parts(SimulatorConfig config, EventExecutor exchangeLoop, ExchangeStore store) {
        SessionRegistry registry = new SessionRegistry();
        SimulatorFaults faults = new SimulatorFaults(registry::all, id -> control(registry.get(id)));
        Clock clock = Clock.systemUTC();
        return new Parts(new OrderEngine(config, clock, exchangeLoop, store), registry, new Journal(config.limits().journalCapacity(), clock),
                faults, clock);
    }

    private static SimulatorFaults.SessionControl control(Session session) {
        if (session == null) {
            throw new IllegalArgumentException("that session is no longer connected");
        }
        return new SimulatorFaults.SessionControl() {
            @Override
            public OutboundGate gate() {
                return session.pipeline().get(OutboundGate.class);
            }

            @Override
            public FrameSlicer slicer() {
                return session.pipeline().get(FrameSlicer.class);
            }

            @Override
            public void runOnLoop(Runnable r) {
                session.runOnLoop(r);
            }

            @Override
            public boolean inLoop() {
                return session.pipeline().channel().eventLoop().inEventLoop();
            }
        };
    }

    /** The admin API's port, or -1 when it is off. */
    public int adminPort() {
        AdminServer a = admin;
        return a == null ? -1 : a.port();
    }

    /** Orders, positions, fills: look at them, fill or cancel resting orders, push orders placed elsewhere. */
    @Override
    public SimulatedExchange exchange() {
        return new SimulatedExchange(parts.engine());
    }

    /** Every message in and out, with conformance findings; {@code journal().verify()} asserts on it. */
    @Override
    public Journal journal() {
        return parts.journal();
    }

    /** Disconnects, silences, delays, garbage, refused connections, sliced frames. */
    @Override
    public SimulatorFaults faults() {
        return parts.faults();
    }

    /** The connected sessions, by id. */
    @Override
    public SessionRegistry sessions() {
        return parts.registry();
    }

    /**
     * Back to a fresh start between tests: forgets orders, fills, positions and the journal, lifts
     * lasting faults, and closes connected sessions.
     */
    @Override
    public void reset() {
        parts.faults().clear();
        sessions.close().awaitUninterruptibly();
        parts.engine().call(() -> null);
        exchange().reset();
        parts.journal().clear();
    }

    /** The port actually bound: the configured one, or the free port picked for port 0. */
    public int port() {
        return port;
    }

    public String host() {
        return config.connection().host();
    }

    public SimulatorConfig config() {
        return config;
    }

    @Override
    public FillPolicy fillPolicy() {
        return config.exchange().fillPolicy();
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
        if (admin != null) {
            admin.close();
        }
        serverChannel.close().awaitUninterruptibly();
        sessions.close().awaitUninterruptibly();
        shutdown(bossGroup, workerGroup);
        parts.engine().close();
        LOG.info("DTC simulator on {}:{} stopped", config.connection().host(), port);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        // No quiet period: every channel is already closed, nothing is left to drain.
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly();
        workers.terminationFuture().awaitUninterruptibly();
    }
}
