package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.OrderEngine;
import dev.dtcharness.simulator.fault.FrameSlicer;
import dev.dtcharness.simulator.fault.OrderUpdateFaults;
import dev.dtcharness.simulator.fault.OutboundGate;
import dev.dtcharness.simulator.fault.SimulatorFaults;
import dev.dtcharness.simulator.journal.Journal;
import dev.dtcharness.simulator.journal.JournalHandler;
import dev.dtcharness.simulator.market.instrument.SecurityDefinitions;
import dev.dtcharness.simulator.validation.ConformanceReplies;
import dev.dtcharness.simulator.validation.ConformanceTap;
import dev.dtcharness.simulator.validation.DecodedConformance;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each session's pipeline, head to tail: the frame slicer (outbound bytes), the conformance
 * tap (inbound bytes), the codec, the session's share of the loop, the flush consolidation, the journal,
 * the fault gate, the update duplicator/reorderer, the silence detector, then the session logic. Sessions share only the exchange,
 * the journal and the fault switches.
 */
public final class SimulatorInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorInitializer.class);

    private final SimulatorConfig config;
    private final OrderEngine engine;
    private final ChannelGroup channels;
    private final SessionRegistry registry;
    private final Journal journal;
    private final SimulatorFaults faults;
    private final Clock clock;
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final SecurityDefinitions definitions;

    public SimulatorInitializer(SimulatorConfig config, OrderEngine engine, ChannelGroup channels,
                                SessionRegistry registry, Journal journal, SimulatorFaults faults,
                                Clock clock) {
        this.config = config;
        this.engine = engine;
        this.channels = channels;
        this.registry = registry;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
        this.definitions = SecurityDefinitions.of(config.exchange().instruments());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (faults.refusingConnections()) {
            LOG.info("refused a connection from {} (fault: refusing connections)", Addresses.plain(ch.remoteAddress()));
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
            ch.close();
            return;
        }
        channels.add(ch);
        int limit = config.limits().sessionOutboundLimit();
        // Answers waiting for a slow reader are capped near the limit per session (ReadWhileWritable, PassBudget).
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(limit / 4, limit));
        Session session = new Session(sessionNumbers.incrementAndGet(), ch, config.connection().seed());
        FrameSlicer slicer = new FrameSlicer(config.connection().seed() + session.id());
        slicer.maxBytes(faults.sliceMaxBytes());
        Logon logon = new Logon(config, clock);
        ConformanceReplies findings = new ConformanceReplies(session, journal, config.connection().conformanceReplies());
        DtcCodec codec = config.connection().presetEncoding() == null ? DtcCodec.detecting() : DtcCodec.fixed(config.connection().presetEncoding());
        if (config.connection().tls() != null) {
            // TLS first: everything after it, WebSocket detection included, sees the decrypted stream.
            ch.pipeline().addLast("tls", config.connection().tls().newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast(WebSocketDetector.NAME, new WebSocketDetector(DtcFraming.DEFAULT_MAX_FRAME))
                .addLast(ReadWhileWritable.INSTANCE)
                .addLast(slicer)
                .addLast(ConformanceTap.NAME, new ConformanceTap(findings::told))
                .addLast(DtcCodec.NAME, codec)
                .addLast(DecodedConformance.NAME, new DecodedConformance(codec, findings::told))
                // One session's share of the loop: a flood of requests waits for later turns, not the others.
                .addLast(PassBudget.NAME, new PassBudget(codec, config.connection().sessionPassBudget(), afterExchange(ch)))
                // Answers written while an inbound batch is read reach the codec as one flush when the batch
                // ends, so it encodes them into one buffer (and the socket takes one write).
                .addLast("flush-consolidation", new FlushConsolidationHandler(256, true))
                .addLast(new JournalHandler(journal, session.id()))
                .addLast(new OutboundGate())
                .addLast(new OrderUpdateFaults(faults.duplicatedCounter(), faults.reorderedCounter()))
                // Before logon there is no agreed interval: a client silent that long never meant to log on.
                .addLast(SilenceDetector.NAME, SilenceDetector.create(config, Logon.DEFAULT_HEARTBEAT_SECONDS))
                .addLast(new SessionHandler(session, logon, engine, registry, config, definitions));
    }

    /** For a session on another loop than the exchange's: runs a task on its loop once the exchange caught up. */
    private Consumer<Runnable> afterExchange(SocketChannel ch) {
        if (engine.runsOn(ch.eventLoop())) {
            return null;
        }
        // The exchange runs its work in order, so this runs after the requests handed to it before.
        return task -> engine.execute(() -> ch.eventLoop().execute(task));
    }
}
