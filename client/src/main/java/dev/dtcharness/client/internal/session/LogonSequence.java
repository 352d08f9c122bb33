package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From TCP connect to LOGON_SUCCESS: the optional encoding request sequence (FACTS 1.7), then
 * LOGON_REQUEST and its LOGON_RESPONSE (FACTS 2.1). Runs on the channel's event loop.
 */
final class LogonSequence {
    private static final Logger log = LoggerFactory.getLogger(LogonSequence.class);
    private static final long LOGON_SUCCESS = DtcSpec.v8().enumValue("LogonStatusEnum", "LOGON_SUCCESS");

    enum Stage {
        CONNECTING("connecting"), ENCODING("waiting for ENCODING_RESPONSE"), LOGON("waiting for LOGON_RESPONSE"),
        LOGGED_ON("logged on"), CLOSED("closed");

        final String words;

        Stage(String words) {
            this.words = words;
        }
    }

    private static final long NO_RECONNECT = DtcSpec.v8().enumValue("LogonStatusEnum", "LOGON_ERROR_NO_RECONNECT");
    private static final long NEW_ADDRESS = DtcSpec.v8().enumValue("LogonStatusEnum", "LOGON_RECONNECT_NEW_ADDRESS");

    private final DtcClientConfig config;
    private final String address;
    private final CompletableFuture<DtcMessage> logon;
    private final ProblemCounter problems;
    private volatile Stage stage = Stage.CONNECTING;
    private volatile boolean doNotReconnect;
    private volatile String reconnectAddress = "";

    LogonSequence(DtcClientConfig config, String address, CompletableFuture<DtcMessage> logon, ProblemCounter problems) {
        this.config = config;
        this.address = address;
        this.logon = logon;
        this.problems = problems;
    }

    /** The server refused with LOGON_ERROR_NO_RECONNECT. */
    boolean doNotReconnect() {
        return doNotReconnect;
    }

    /** "host:port" from LOGON_RECONNECT_NEW_ADDRESS, or empty. */
    String reconnectAddress() {
        return reconnectAddress;
    }

    Stage stage() {
        return stage;
    }

    void start(ChannelHandlerContext ctx) {
        if (config.connection().encoding() == DtcEncoding.BINARY_ENCODING) {
            sendLogon(ctx);
            return;
        }
        stage = Stage.ENCODING;
        // The request goes out in binary: nothing was agreed with the server beforehand (FACTS 1.7).
        write(ctx, SessionMessages.encodingRequest(config.connection().encoding()));
    }

    /**
     * Handles the response the sequence is waiting for; returns why the session must end, or null.
     * Messages of other types, or arriving at another stage, are left alone.
     */
    String onMessage(ChannelHandlerContext ctx, DtcMessage m) {
        String failure = null;
        if (m.is("ENCODING_RESPONSE") && stage == Stage.ENCODING) {
            failure = onEncodingResponse(ctx, m);
        } else if (m.is("LOGON_RESPONSE") && stage == Stage.LOGON) {
            failure = onLogonResponse(ctx, m);
        }
        if (failure != null) {
            // Fail now, in the server's own words, rather than later with the close.
            logon.completeExceptionally(new DtcClientException(failure));
        }
        return failure;
    }

    /** The session ended; a logon still waited for fails with the reason. Returns the stage it was in. */
    Stage closed(String reason) {
        Stage was = stage;
        stage = Stage.CLOSED;
        logon.completeExceptionally(new DtcClientException(reason));
        return was;
    }

    private String onEncodingResponse(ChannelHandlerContext ctx, DtcMessage m) {
        DtcEncoding wanted = config.connection().encoding();
        long code = m.getLong("Encoding");
        DtcEncoding answered = DtcEncoding.ofCode(code);
        if (answered == null || !answered.isImplemented()) {
            return "server at " + address + " answered the request for " + wanted + " with "
                    + (answered == null ? "encoding " + code : answered) + ", which this client does not implement";
        }
        if (answered != wanted) {
            problems.warn(log, "server at {} refused {} and answered {}: continuing in {}", address, wanted, answered,
                    answered);
        }
        // The response came in the old encoding; every later byte, both ways, uses the answered one.
        ((DtcCodec) ctx.pipeline().get(DtcCodec.NAME)).switchTo(answered);
        sendLogon(ctx);
        return null;
    }

    private String onLogonResponse(ChannelHandlerContext ctx, DtcMessage m) {
        if (m.getLong("Result") != LOGON_SUCCESS) {
            String text = m.getString("ResultText");
            String newAddress = m.getString("ReconnectAddress");
            doNotReconnect = m.getLong("Result") == NO_RECONNECT;
            if (m.getLong("Result") == NEW_ADDRESS) {
                reconnectAddress = newAddress;
            }
            return "logon refused by " + address + ": " + m.enumName("Result")
                    + (text.isEmpty() ? "" : " \"" + text + "\"") + (newAddress.isEmpty() ? "" : ", reconnect to " + newAddress);
        }
        stage = Stage.LOGGED_ON;
        log.info("logged on to {} ({}): {}", address, m.getString("ServerName"), m.getString("ResultText"));
        logon.complete(m);
        return null;
    }

    private void sendLogon(ChannelHandlerContext ctx) {
        stage = Stage.LOGON;
        write(ctx, SessionMessages.logonRequest(config));
    }

    private static void write(ChannelHandlerContext ctx, DtcMessage m) {
        ctx.writeAndFlush(m).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }
}
