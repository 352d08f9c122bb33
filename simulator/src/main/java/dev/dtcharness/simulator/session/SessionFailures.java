package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.message.Logoff;
import dev.dtcharness.protocol.message.LogonRequest;
import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.protocol.codec.DtcFieldException;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.simulator.answers.Refusals;
import dev.dtcharness.simulator.exchange.OrderEngine;
import java.util.Set;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session does when its input is not DTC v8: a bad field costs one message and is answered
 * (a reject naming the field), a stream that can no longer be delimited costs this session only,
 * closed with a LOGOFF whose Reason says why. Other sessions never notice.
 */
final class SessionFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFailures.class);

    /** No answer is due to these (FACTS.md 2.4, 2.5), so one that does not read is only logged. */
    private static final Set<String> UNANSWERED = Set.of("HEARTBEAT", "LOGOFF");

    private static final Set<String> REJECTABLE = Set.of("SUBMIT_NEW_SINGLE_ORDER", "SUBMIT_FLATTEN_POSITION_ORDER",
            "CANCEL_ORDER", "CANCEL_REPLACE_ORDER");

    private final Session session;
    private final Logon logon;
    private final OrderEngine engine;

    SessionFailures(Session session, Logon logon, OrderEngine engine) {
        this.session = session;
        this.logon = logon;
        this.engine = engine;
    }

    void handle(ChannelHandlerContext ctx, Throwable cause) {
        DtcCodecException dtc = Failures.codecError(cause);
        if (cause instanceof EncoderException) {
            // Outbound: one message of ours could not be encoded (Session.send writes without a promise).
            if (ctx.channel().isActive()) {
                LOG.warn("{}: could not send a message: {}", session.label(), Failures.plain(cause));
            }
        } else if (dtc instanceof DtcFieldException field) {
            answerBadField(field);
        } else if (dtc != null && !dtc.isFatal()) {
            LOG.warn("{}: message skipped: {}", session.label(), dtc.getMessage());
        } else if (dtc != null) {
            closeWithLogoff(ctx, dtc.getMessage());
        } else if (TransportFailures.describe(cause) != null) {
            if (session.startClosing()) {
                LOG.warn("{} ({}): closing: {}", session.label(), session.remote(), TransportFailures.describe(cause));
            }
            ctx.close();
        } else if (cause instanceof IOException) {
            // A peer that vanished (reset, broken pipe) is ordinary for a server, not an error of ours.
            if (session.startClosing()) {
                LOG.info("{}: connection lost: {}", session.label(), Failures.plain(cause));
            }
            ctx.close();
        } else {
            if (session.startClosing()) {
                LOG.error("{}: closing after an unexpected failure", session.label(), cause);
            }
            ctx.close();
        }
    }

    private void answerBadField(DtcFieldException e) {
        DtcMessage partial = e.partial();
        LOG.warn("{}: {}", session.label(), e.getMessage());
        if (partial == null) {
            return;
        }
        if (partial instanceof LogonRequest) {
            logon.refuse(session, e.getMessage());
            return;
        }
        // InfoText holds 95 characters: the message name is implied by the reply, the field and value are not.
        String prefix = partial.name() + ".";
        String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        if (REJECTABLE.contains(partial.name()) && session.isLoggedOn()) {
            engine.rejectUnreadable(session, partial, why);
        } else if (Direction.of(partial.spec()).contains(Direction.CLIENT_TO_SERVER) && !UNANSWERED.contains(partial.name())) {
            // Any other request that does not read gets its refusal too: a client waiting on it must not wait forever.
            for (DtcMessage reply : Refusals.v8().refuse(partial, why, false, logon.nowMillis())) {
                session.send(reply);
            }
        }
    }

    private void closeWithLogoff(ChannelHandlerContext ctx, String reason) {
        if (!session.startClosing()) {
            return;
        }
        LOG.warn("{} ({}): closing: {}", session.label(), session.remote(), reason);
        int max = Logoff.REASON.maxStringLength();
        Logoff logoff = new Logoff().setDoNotReconnect(0).setReason(reason.length() <= max ? reason : reason.substring(0, max));
        // The outbound direction is still delimited even when the inbound one is not, so the peer can read why.
        ctx.writeAndFlush(logoff).addListener(ChannelFutureListener.CLOSE);
    }
}
