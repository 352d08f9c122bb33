package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.protocol.enums.LogonStatus;
import dev.dtcharness.protocol.message.Heartbeat;
import dev.dtcharness.protocol.message.LogonRequestView;
import dev.dtcharness.protocol.message.LogonResponse;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.simulator.LogonOutcome;
import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers LOGON_REQUEST (FACTS.md 2.1-2.4): LOGON_SUCCESS unless configured otherwise or the
 * credentials are wrong, every capability flag stated with its value in every encoding
 * ({@link dev.dtcharness.simulator.answers.Capabilities}), then heartbeats at the interval the client asked for.
 */
final class Logon {
    /** What the simulator assumes when a client asks for no interval; SC clients commonly use 10. */
    static final int DEFAULT_HEARTBEAT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Logon.class);

    private final SimulatorConfig config;
    private final Clock clock;

    Logon(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void answer(Session session, ChannelPipeline pipeline, LogonRequestView request) {
        SimulatorConfig.Logon settings = config.logon();
        if (settings.username() != null && !(sameText(settings.username(), request.username())
                & sameText(settings.password(), request.password()))) {
            refuse(session, LogonStatus.ERROR, "Username or Password is not the one this server requires");
            return;
        }
        if (settings.outcome() != LogonOutcome.SUCCESS) {
            refuse(session, settings.outcome().result(), "logon refused: the simulator is set to answer "
                    + settings.outcome().result().specName());
            return;
        }
        int asked = request.heartbeatIntervalInSeconds();
        int interval = asked > 0 ? asked : DEFAULT_HEARTBEAT_SECONDS;
        // Logged on before the answer leaves: a client that has read LOGON_SUCCESS must already get every update.
        session.loggedOn(request.clientName(), interval, () -> session.send(heartbeat()));
        session.send(ServedTypes.CAPABILITIES.stateOn(new LogonResponse()
                .setProtocolVersion(DtcSpec.v8().protocolVersion())
                .setResult(LogonStatus.SUCCESS)
                .setResultText("Logged on to " + settings.serverName())
                .setServerName(settings.serverName())));
        SilenceDetector.rearm(pipeline, config, interval);
        LOG.info("{}: logon from client '{}' (user '{}', protocol version {}), heartbeat every {} s{}",
                session.label(), request.clientName(), request.username(),
                request.protocolVersion(), interval, asked > 0 ? "" : " (none asked, using the default)");
    }

    /** A LOGON_REQUEST that could not be read: say why with LOGON_ERROR, then close as DTC prescribes. */
    void refuse(Session session, String reason) {
        refuse(session, LogonStatus.ERROR, reason);
    }

    private void refuse(Session session, LogonStatus result, String reason) {
        int max = LogonResponse.RESULT_TEXT.maxStringLength();
        LogonResponse response = new LogonResponse().setResult(result).setServerName(config.logon().serverName())
                .setResultText(reason.length() <= max ? reason : reason.substring(0, max));
        session.startClosing();
        session.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        LOG.info("{}: logon refused: {}", session.label(), reason);
    }

    long nowMillis() {
        return clock.millis();
    }

    Heartbeat heartbeat() {
        return new Heartbeat().setCurrentDateTime(DtcTimes.seconds(clock.millis()));
    }

    /** Compared in time that does not depend on where the texts differ, so timing tells nothing of a password. */
    private static boolean sameText(String expected, String given) {
        if (expected == null || given == null) {
            return expected == given;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
