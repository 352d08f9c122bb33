package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.simulator.exchange.SessionLink;
import dev.dtcharness.simulator.fault.OrderUpdateFaults;
import dev.dtcharness.simulator.fault.OutboundGate;
import dev.dtcharness.simulator.script.Step;
import io.netty.buffer.Unpooled;
import dev.dtcharness.protocol.codec.WriteBatcher;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its number, where it comes from, and the state the DTC session rules
 * need (logged on or not, heartbeat interval). Session state is touched on the channel's event
 * loop; {@link #send} and {@link #fault} may be called from any thread.
 */
public final class Session implements SessionLink {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final int id;

    /** Built once: log lines on the order path name the session. */

    private final String label;
    private final Channel channel;
    private final WriteBatcher writes;
    private final String remote;
    private final Random random;
    private volatile boolean loggedOn;
    private volatile String clientName = "";
    private int heartbeatSeconds = Logon.DEFAULT_HEARTBEAT_SECONDS;
    private boolean closing;
    private ScheduledFuture<?> heartbeats;
    private Runnable sendHeartbeat;

    Session(int id, Channel channel, long seed) {
        this.id = id;
        this.label = "session " + id;
        this.channel = channel;
        this.writes = new WriteBatcher(channel);
        this.remote = Addresses.plain(channel.remoteAddress());
        this.random = new Random(seed + id);
    }

    @Override
    public int id() {
        return id;
    }

    /** "session 3", the way every log line names the session. */
    @Override
    public String label() {
        return label;
    }

    public String remote() {
        return remote;
    }

    public String clientName() {
        return clientName;
    }

    Channel channel() {
        return channel;
    }

    /** The session's pipeline, for the fault handlers in it. */
    public io.netty.channel.ChannelPipeline pipeline() {
        return channel.pipeline();
    }

    public void runOnLoop(Runnable r) {
        channel.eventLoop().execute(r);
    }

    @Override
    public boolean isLoggedOn() {
        return loggedOn;
    }

    /** The client's heartbeat interval once logged on, the default before. */
    int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /**
     * Writes a whole message now (from the exchange thread: queued in order, and the messages of one
     * burst share one loop task and one flush); a message that cannot be encoded is logged, never sent half.
     */
    @Override
    public void send(DtcMessage message) {
        // No promise per message (the hottest path): a message that cannot be encoded reaches the pipeline's
        // exception handler, which logs it naming the field (SessionFailures), and a lost connection is
        // handled there like a failed read.
        writes.send(message, null);
    }

    /**
     * As {@link #send}, for the exchange's reused updates: written through the pipeline at once on this
     * session's loop (every outbound handler that holds a message back holds a copy), else copied.
     */
    @Override
    public void sendBorrowed(MessageView message) {
        writes.sendBorrowed(message);
    }

    /** Marks the session logged on and (re)starts the server's heartbeats at the client's interval. */
    void loggedOn(String client, int heartbeatSeconds, Runnable sendHeartbeat) {
        loggedOn = true;
        clientName = client;
        this.heartbeatSeconds = heartbeatSeconds;
        this.sendHeartbeat = sendHeartbeat;
        startHeartbeats();
    }

    private void startHeartbeats() {
        stopHeartbeats();
        heartbeats = channel.eventLoop().scheduleAtFixedRate(sendHeartbeat, heartbeatSeconds, heartbeatSeconds,
                TimeUnit.SECONDS);
    }

    void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
    }

    /** True the first time only, so a session that fails in several ways says why it closes once. */
    boolean startClosing() {
        boolean first = !closing;
        closing = true;
        return first;
    }

    @Override
    public void fault(Step fault) {
        if (fault.step() == Step.Kind.DUPLICATE || fault.step() == Step.Kind.REORDER) {
            // Queued with the messages, so it applies to exactly the updates sent after this call.
            LOG.info("{}: fault {}", label(), fault);
            boolean duplicate = fault.step() == Step.Kind.DUPLICATE;
            writes.send(new OrderUpdateFaults.Arm(duplicate ? fault.updates() : 0, duplicate ? 0 : fault.updates(),
                    fault.millis() == null ? OrderUpdateFaults.DEFAULT_MAX_HOLD_MILLIS : fault.millis()), null);
            return;
        }
        channel.eventLoop().execute(() -> applyFault(fault));
    }

    private void applyFault(Step fault) {
        LOG.info("{}: fault {}", label(), fault);
        switch (fault.step()) {
            case DISCONNECT -> {
                startClosing();
                channel.close();
            }
            case RESET -> {
                startClosing();
                // Linger 0 makes close() send RST instead of FIN: the peer sees "connection reset".
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
            }
            case SILENCE -> silence(fault.millis());
            case LOGOFF -> {
                startClosing();
                DtcMessage logoff = DtcMessage.of("LOGOFF").set("DoNotReconnect", 1)
                        .set("Reason", fault.text() == null ? "logged off by the simulator" : fault.text());
                channel.writeAndFlush(logoff).addListener(ChannelFutureListener.CLOSE);
            }
            case GARBAGE -> {
                byte[] bytes = new byte[fault.quantity().intValue()];
                random.nextBytes(bytes);
                channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
            default -> throw new IllegalArgumentException(fault.step() + " is not a fault");
        }
    }

    /** No heartbeats and no answers (they are dropped) for {@code millis}, or for good when null. */
    private void silence(Long millis) {
        OutboundGate gate = channel.pipeline().get(OutboundGate.class);
        if (gate == null) {
            return;
        }
        gate.silent(true);
        stopHeartbeats();
        if (millis != null) {
            channel.eventLoop().schedule(() -> {
                gate.silent(false);
                if (loggedOn) {
                    startHeartbeats();
                }
                LOG.info("{}: silence over", label());
            }, millis, TimeUnit.MILLISECONDS);
        }
    }
}
