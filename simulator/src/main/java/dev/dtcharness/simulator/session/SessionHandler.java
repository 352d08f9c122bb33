package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.message.EncodingRequest;
import dev.dtcharness.protocol.message.Heartbeat;
import dev.dtcharness.protocol.message.LogonRequest;
import dev.dtcharness.protocol.message.Logoff;
import dev.dtcharness.protocol.message.SecurityDefinitionForSymbolRequest;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.answers.Refusals;
import dev.dtcharness.simulator.answers.Unserved;
import dev.dtcharness.simulator.exchange.OrderEngine;
import dev.dtcharness.simulator.market.instrument.SecurityDefinitions;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's side of one DTC session (FACTS.md 2): encoding, logon, heartbeats, logoff, security
 * definitions from the instrument table, and trading requests once logged on, which go to the exchange. Nothing a client may send goes
 * unanswered: a request before logon, a second LOGON_REQUEST and a type the simulator does not serve
 * each get the spec's refusal with the reason ({@link Unserved}), and the session goes on.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);
    private static final String ALREADY_LOGGED_ON = "already logged on; the session stays as it is "
            + "(to log on anew send LOGOFF and connect again)";

    private final Session session;
    private final Logon logon;
    private final OrderEngine engine;
    private final SessionRegistry registry;
    private final SimulatorConfig config;
    private final SessionFailures failures;
    private final SecurityDefinitions definitions;

    SessionHandler(Session session, Logon logon, OrderEngine engine, SessionRegistry registry, SimulatorConfig config,
                   SecurityDefinitions definitions) {
        this.session = session;
        this.logon = logon;
        this.engine = engine;
        this.registry = registry;
        this.config = config;
        this.failures = new SessionFailures(session, logon, engine);
        this.definitions = definitions;
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
            String name = DtcSpec.v8().nameOfType(unknown.type());
            if (name != null) {
                // A type the spec names without a body (FLATTEN_POSITIONS_FOR_TRADE_ACCOUNT): nothing to refuse it
                // with but words. A type the spec does not know is told by its conformance finding.
                session.send(Refusals.v8().logMessage(name + " (" + unknown.type() + ") has no message body in DTC v8"
                        + " and is not served by this simulator; ignored"));
            }
            return;
        }
        // The codec decodes into the generated class of each type: the session's own are told by it.
        DtcMessage m = (DtcMessage) msg;
        if (m instanceof EncodingRequest encoding) {
            EncodingNegotiation.answer(session, (DtcCodec) ctx.pipeline().get(DtcCodec.NAME), encoding, config);
        } else if (m instanceof LogonRequest logonRequest) {
            if (session.isLoggedOn()) {
                LOG.warn("{}: second LOGON_REQUEST on a logged-on session; answered and ignored", session.label());
                send(Refusals.v8().refuse(m, ALREADY_LOGGED_ON, false, logon.nowMillis()));
            } else {
                logon.answer(session, ctx.pipeline(), logonRequest);
            }
        } else if (m instanceof Heartbeat) {
            LOG.debug("{}: heartbeat from client", session.label());
        } else if (m instanceof Logoff logoff) {
            LOG.info("{}: logoff, reason '{}'", session.label(), logoff.reason());
            session.startClosing();
            ctx.close();
        } else {
            request(m);
        }
    }

    private void request(DtcMessage m) {
        // The common case first: one set lookup per order, as before anything else is asked.
        if (session.isLoggedOn() && ServedTypes.TRADING.contains(m.name())) {
            LOG.info("{}: {}", session.label(), m);
            engine.handle(session, m);
        } else if (session.isLoggedOn() && m instanceof SecurityDefinitionForSymbolRequest definitionRequest) {
            // The table is immutable, so the session's own loop answers it: the exchange has no part in it.
            DtcMessage answer = definitions.answer(definitionRequest);
            LOG.info("{}: {} answered with {}", session.label(), m, answer.spec().label());
            session.send(answer);
        } else if (!Direction.of(m.spec()).contains(Direction.CLIENT_TO_SERVER)) {
            LOG.warn("{}: {} is sent by servers, not clients; ignored", session.label(), m.spec().label());
            if (!config.connection().conformanceReplies()) {
                // With replies on, the conformance finding (WRONG_DIRECTION) has told the client, with the likely
                // intent; without them this is its only answer.
                session.send(Refusals.v8().logMessage(m.spec().label() + " is sent by servers, not clients; ignored"));
            }
        } else if (!session.isLoggedOn()) {
            LOG.warn("{}: {} before logon; refused (send LOGON_REQUEST first)", session.label(), m.spec().label());
            send(ServedTypes.UNSERVED.beforeLogon(m, logon.nowMillis()));
        } else {
            LOG.warn("{}: {} is not served by the simulator; refused", session.label(), m.spec().label());
            send(ServedTypes.UNSERVED.notServed(m, logon.nowMillis()));
        }
    }

    private void send(List<DtcMessage> replies) {
        for (DtcMessage reply : replies) {
            session.send(reply);
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
