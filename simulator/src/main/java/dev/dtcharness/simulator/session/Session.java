package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its number, where it comes from, and the state the DTC session rules
 * need (logged on or not, heartbeat interval). Touched only on the channel's event loop.
 */
final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final int id;
    private final Channel channel;
    private final String remote;
    private boolean loggedOn;
    private int heartbeatSeconds = Logon.DEFAULT_HEARTBEAT_SECONDS;
    private boolean closing;
    private ScheduledFuture<?> heartbeats;

    Session(int id, Channel channel) {
        this.id = id;
        this.channel = channel;
        this.remote = Addresses.plain(channel.remoteAddress());
    }

    /** "session 3", the way every log line names the session. */
    String label() {
        return "session " + id;
    }

    String remote() {
        return remote;
    }

    Channel channel() {
        return channel;
    }

    boolean isLoggedOn() {
        return loggedOn;
    }

    /** The client's heartbeat interval once logged on, the default before. */
    int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /** Writes a whole message now; a message that cannot be encoded is logged, never sent half. */
    void send(DtcMessage message) {
        channel.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess() && channel.isActive()) {
                LOG.warn("{}: could not send {}: {}", label(), message.name(), Failures.plain(f.cause()));
            }
        });
    }

    /** Marks the session logged on and (re)starts the server's heartbeats at the client's interval. */
    void loggedOn(int heartbeatSeconds, Runnable sendHeartbeat) {
        loggedOn = true;
        this.heartbeatSeconds = heartbeatSeconds;
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
}
