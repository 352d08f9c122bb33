package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's side of one DTC session (FACTS.md 2): encoding, logon, heartbeats, logoff, and
 * orders once logged on. Anything else is named in a warning and ignored, so a session survives
 * what it does not understand.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final Session session;
    private final Logon logon;
    private final OrderEntry orders;
    private final SessionFailures failures;

    SessionHandler(Session session, Logon logon, OrderEntry orders) {
        this.session = session;
        this.logon = logon;
        this.orders = orders;
        this.failures = new SessionFailures(session, logon, orders);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.info("{} opened from {}", session.label(), session.remote());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stopHeartbeats();
        LOG.info("{} closed", session.label());
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof UnknownMessage unknown) {
            LOG.warn("{}: {}; ignored", session.label(), describe(unknown));
            return;
        }
        DtcMessage m = (DtcMessage) msg;
        switch (m.name()) {
            case "ENCODING_REQUEST" -> EncodingNegotiation.answer(session, (DtcCodec) ctx.pipeline().get(DtcCodec.NAME), m);
            case "LOGON_REQUEST" -> logon.answer(session, ctx.pipeline(), m);
            case "HEARTBEAT" -> LOG.debug("{}: heartbeat from client", session.label());
            case "LOGOFF" -> {
                LOG.info("{}: logoff, reason '{}'", session.label(), m.getString("Reason"));
                session.startClosing();
                ctx.close();
            }
            default -> afterLogon(m);
        }
    }

    private void afterLogon(DtcMessage m) {
        if (!session.isLoggedOn()) {
            LOG.warn("{}: {} before logon; ignored (send LOGON_REQUEST first)", session.label(), m.spec().label());
        } else if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
            orders.submit(m);
        } else {
            LOG.warn("{}: {} is not supported by the simulator yet; ignored", session.label(), m.spec().label());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (session.startClosing()) {
                LOG.warn("{} ({}): closing: no message for {} s ({} heartbeat intervals of {} s)", session.label(),
                        session.remote(), (long) session.heartbeatSeconds() * missedBeforeDrop(ctx),
                        missedBeforeDrop(ctx), session.heartbeatSeconds());
            }
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures.handle(ctx, cause);
    }

    private long missedBeforeDrop(ChannelHandlerContext ctx) {
        var idle = (io.netty.handler.timeout.IdleStateHandler) ctx.pipeline().get(SilenceDetector.NAME);
        return idle.getReaderIdleTimeInMillis() / 1000 / session.heartbeatSeconds();
    }

    private static String describe(UnknownMessage unknown) {
        String name = DtcSpec.v8().nameOfType(unknown.type());
        String what = name == null ? "message type " + unknown.type() + " is not a DTC v8 message"
                : "message type " + unknown.type() + " (" + name + ") has no message body in DTC v8";
        return what + " (" + unknown.size() + " bytes, " + unknown.encoding() + ")";
    }
}
