package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.simulator.exchange.SessionLink;
import dev.dtcharness.protocol.codec.WriteBatcher;
import dev.dtcharness.simulator.fault.SessionFaults;
import dev.dtcharness.simulator.script.Step;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: its number, where it comes from, and the state the DTC session rules
 * need (logged on or not, heartbeat interval). Session state is touched on the channel's event
 * loop; {@link #send} and {@link #fault} may be called from any thread. The faults a session can be
 * dealt are in {@link SessionFaults}.
 */
public final class Session implements SessionLink {

    private final int id;

    /** Built once: log lines on the order path name the session. */
    private final String label;
    private final Channel channel;
    private final WriteBatcher writes;
    private final String remote;
    private final SessionFaults faults;
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
        this.faults = new SessionFaults(label, channel, new Random(seed + id), m -> writes.send(m, null),
                this::startClosing, new SessionFaults.Heartbeats() {
                    @Override
                    public void stop() {
                        stopHeartbeats();
                    }

                    @Override
                    public void resume() {
                        if (loggedOn) {
                            startHeartbeats();
                        }
                    }
                });
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
     * session's loop, else queued as a copy; every outbound handler that holds a message back past the
     * write (the journal, the delay, duplicate and reorder faults) keeps a {@link dev.dtcharness.protocol.KeptCopy}.
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
        faults.apply(fault);
    }
}
