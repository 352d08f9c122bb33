package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.FillingExchange;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds each session's pipeline: a codec that tells a JSON-first client from a binary one by its
 * first byte, the silence detector, then the session logic. Sessions share only the exchange.
 */
public final class SimulatorInitializer extends ChannelInitializer<SocketChannel> {
    private final SimulatorConfig config;
    private final FillingExchange exchange;
    private final ChannelGroup sessions;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger sessionNumbers = new AtomicInteger();

    public SimulatorInitializer(SimulatorConfig config, FillingExchange exchange, ChannelGroup sessions) {
        this.config = config;
        this.exchange = exchange;
        this.sessions = sessions;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        sessions.add(ch);
        Session session = new Session(sessionNumbers.incrementAndGet(), ch);
        Logon logon = new Logon(config, clock);
        ch.pipeline()
                .addLast(ReadWhileWritable.INSTANCE)
                .addLast(DtcCodec.NAME, DtcCodec.detecting())
                // Before logon there is no agreed interval: a client silent that long never meant to log on.
                .addLast(SilenceDetector.NAME, SilenceDetector.create(config, Logon.DEFAULT_HEARTBEAT_SECONDS))
                .addLast(new SessionHandler(session, logon, new OrderEntry(session, exchange)));
    }
}
