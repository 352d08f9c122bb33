package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.internal.routing.NonFiniteValues;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.client.ProtocolViolation;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.protocol.codec.DtcFieldException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of one DTC session: logon (see {@link LogonSequence}), heartbeats and loss
 * detection (FACTS 2.4), LOGOFF, and what to do with bytes that are not DTC. Every inbound
 * message, session ones included, then goes to the {@code inbound} consumer. Runs on the
 * channel's event loop.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final DtcClientConfig config;
    private final String address;
    private final ProblemCounter problems;
    private final LogonSequence logon;
    private final Consumer<Object> inbound;
    private final Heartbeats heartbeats;
    private volatile String closeReason;
    private volatile boolean closedByUs;
    private volatile boolean serverSaidDoNotReconnect;
    private volatile boolean wasLoggedOn;
    private volatile ChannelHandlerContext ctx;
    private volatile Consumer<SessionHandler> onEnd = s -> { };
    private volatile Runnable onReadBatchEnd = () -> { };

    /**
     * {@code logon} completes with the LOGON_RESPONSE, or fails with a DtcClientException saying why.
     * {@code address} is "host:port" actually dialled (a redirect may differ from the config's).
     */
    public SessionHandler(DtcClientConfig config, String address, CompletableFuture<DtcMessage> logon,
                          Consumer<Object> inbound, ProblemCounter problems) {
        this.config = config;
        this.address = address;
        this.problems = problems;
        this.logon = new LogonSequence(config, address, logon, problems);
        this.inbound = inbound;
        this.heartbeats = new Heartbeats(config.connection().heartbeatIntervalSeconds());
    }

    public boolean isLoggedOn() {
        return logon.stage() == LogonSequence.Stage.LOGGED_ON;
    }

    /** Where the session stands, in words: "waiting for LOGON_RESPONSE". */
    public String stage() {
        return logon.stage().words;
    }

    /** Says why the client itself is about to close, so the close is not reported as a loss. */
    public void closingBecause(String reason) {
        closeReason = reason;
        closedByUs = true;
    }

    /** Why the session ended (or is ending), in words; null while it runs. */
    public String closeReason() {
        return closeReason;
    }

    /** The client closed it on purpose: not a loss to recover from. */
    public boolean closedByUs() {
        return closedByUs;
    }

    /** LOGON_ERROR_NO_RECONNECT, or a LOGOFF with DoNotReconnect set: the client must not come back (FACTS 2.1, 2.5). */
    public boolean mustNotReconnect() {
        return serverSaidDoNotReconnect || logon.doNotReconnect();
    }

    /** "host:port" from LOGON_RECONNECT_NEW_ADDRESS, or empty. */
    public String reconnectAddress() {
        return logon.reconnectAddress();
    }

    /** Called once on the event loop when the connection has closed, with {@link #closeReason()} set. */
    public void onEnd(Consumer<SessionHandler> listener) {
        this.onEnd = listener;
    }

    /** Runs on the event loop after the messages of one socket read have all been handed on (and when the session ends). */
    public void onReadBatchEnd(Runnable listener) {
        this.onReadBatchEnd = listener;
    }

    /** The session reached LOGON_SUCCESS at some point. */
    public boolean wasLoggedOn() {
        return wasLoggedOn;
    }

    /** Ends a session that did not log on in time; unlike {@link #closingBecause} it counts as a loss. */
    public void giveUpWaiting(String reason) {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.executor().execute(() -> closeBecause(c, reason));
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        logon.start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DtcMessage m) {
            String failure = logon.onMessage(ctx, m);
            if (failure != null) {
                closeBecause(ctx, failure);
            } else if (m.is("LOGON_RESPONSE") && isLoggedOn()) {
                wasLoggedOn = true;
                heartbeats.start(ctx);
            } else if (m.is("LOGOFF")) {
                serverSaidDoNotReconnect = m.getLong("DoNotReconnect") != 0;
                String reason = "server logged off: \"" + m.getString("Reason") + "\""
                        + (m.getLong("DoNotReconnect") != 0 ? " (do not reconnect)" : "");
                log.info("{} {}", address, reason);
                closeBecause(ctx, reason);
            }
        }
        inbound.accept(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        onReadBatchEnd.run();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
            String reason = "no message from the server for " + 2 * config.connection().heartbeatIntervalSeconds()
                    + " s (twice the heartbeat interval): treating it as gone";
            problems.warn(log, "{} {}", address, reason);
            closeBecause(ctx, reason);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable thrown) {
        Throwable cause = thrown instanceof DecoderException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof DtcFieldException e && e.partial() != null) {
            // A value of the wrong type (a JSON "NaN" string for a price, say): the server broke the spec, and the
            // message cannot be read as it was meant, so none of it is applied; the line names whose it was. A fill
            // lost so may leave a position short: ERROR.
            boolean fill = NonFiniteValues.reportsFill(e.partial());
            problems.violation(log, ProtocolViolation.UNREADABLE_FIELD, fill, "skipped the {} from {} for {}: {}{}",
                    e.partial().name(), address, NonFiniteValues.whose(e.partial()), e.getMessage(),
                    fill ? "; the fill it reports is not counted" : "");
            return;
        }
        if (cause instanceof DtcCodecException e && !e.isFatal()) {
            // One message lost; the stream is still delimited, so the session goes on.
            problems.warn(log, "skipped a message from {}: {}", address, e.getMessage());
            return;
        }
        String reason = cause instanceof DtcCodecException
                ? "cannot read the server's stream any more: " + cause.getMessage()
                : "connection failed: " + cause;
        if (cause instanceof IOException) {
            // A reset or broken connection is the network's doing, and what reconnecting is for: a
            // warning. Giving up on it is the error (Reconnector); so is a server that sends garbage.
            problems.warn(log, "{} {}", address, reason);
        } else {
            problems.error(log, "{} {}", address, reason);
        }
        closeBecause(ctx, reason);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        heartbeats.stop();
        String reason = closeReason != null ? closeReason : "the server closed the connection";
        LogonSequence.Stage was = logon.closed("disconnected from " + address + " while "
                + logon.stage().words + ": " + reason);
        if (closeReason == null && was == LogonSequence.Stage.LOGGED_ON) {
            problems.warn(log, "disconnected from {}: {}", address, reason);
        } else {
            log.info("disconnected from {}: {}", address, reason);
        }
        if (closeReason == null) {
            closeReason = reason;
        }
        onReadBatchEnd.run();
        ctx.fireChannelInactive();
        onEnd.accept(this);
    }

    private void closeBecause(ChannelHandlerContext ctx, String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        ctx.close();
    }
}
