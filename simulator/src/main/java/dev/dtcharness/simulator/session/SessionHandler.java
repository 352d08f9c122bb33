package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.OrderEngine;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's side of one DTC session (FACTS.md 2): encoding, logon, heartbeats, logoff, and
 * trading requests once logged on, which go to the exchange. Anything else is named in a warning
 * and ignored, so a session survives what it does not understand.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);
    static final Set<String> TRADING = Set.of("SUBMIT_NEW_SINGLE_ORDER", "SUBMIT_NEW_OCO_ORDER",
            "SUBMIT_FLATTEN_POSITION_ORDER", "CANCEL_ORDER", "CANCEL_REPLACE_ORDER", "OPEN_ORDERS_REQUEST",
            "HISTORICAL_ORDER_FILLS_REQUEST", "CURRENT_POSITIONS_REQUEST", "TRADE_ACCOUNTS_REQUEST",
            "ACCOUNT_BALANCE_REQUEST");

    private final Session session;
    private final Logon logon;
    private final OrderEngine engine;
    private final SessionRegistry registry;
    private final SimulatorConfig config;
    private final SessionFailures failures;

    SessionHandler(Session session, Logon logon, OrderEngine engine, SessionRegistry registry, SimulatorConfig config) {
        this.session = session;
        this.logon = logon;
        this.engine = engine;
        this.registry = registry;
        this.config = config;
        this.failures = new SessionFailures(session, logon, engine);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.info("{} opened from {}", session.label(), session.remote());
        registry.add(session);
        engine.attach(session);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stopHeartbeats();
        registry.remove(session);
        engine.detach(session);
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
            case "ENCODING_REQUEST" -> EncodingNegotiation.answer(session, (DtcCodec) ctx.pipeline().get(DtcCodec.NAME),
                    m, config);
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
        } else if (TRADING.contains(m.name())) {
            LOG.info("{}: {}", session.label(), m);
            engine.handle(session, m);
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
        return ((SilenceDetector) ctx.pipeline().get(SilenceDetector.NAME)).limitMillis() / 1000 / session.heartbeatSeconds();
    }

    private static String describe(UnknownMessage unknown) {
        String name = DtcSpec.v8().nameOfType(unknown.type());
        String what = name == null ? "message type " + unknown.type() + " is not a DTC v8 message"
                : "message type " + unknown.type() + " (" + name + ") has no message body in DTC v8";
        return what + " (" + unknown.size() + " bytes, " + unknown.encoding() + ")";
    }
}
