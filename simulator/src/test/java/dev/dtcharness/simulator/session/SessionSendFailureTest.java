package dev.dtcharness.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Session.send writes without a promise per message: a message the codec cannot encode must still be
 * reported (naming the field) and cost only itself, not the session or the messages after it.
 */
class SessionSendFailureTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(SessionFailures.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    @Test
    void shouldLogAMessageThatCannotBeEncodedAndKeepServing() {
        log.start();
        logger.addAppender(log);
        EmbeddedChannel channel = new EmbeddedChannel();
        Session session = new Session(7, channel, 42);
        SessionFailures failures = new SessionFailures(session, new Logon(SimulatorConfig.builder().build(), Clock.systemUTC()), null);
        channel.pipeline().addLast(DtcCodec.NAME, DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.handle(ctx, cause);
            }
        });

        session.send(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("InfoText", "x".repeat(200)));
        session.send(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S2"));
        channel.runPendingTasks();

        List<String> lines = log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertThat(lines).singleElement().asString()
                .startsWith("WARN session 7: could not send a message: ORDER_UPDATE.InfoText: 200 characters");
        assertThat(channel.isActive()).as("the session goes on").isTrue();
        ByteBuf out = channel.readOutbound();
        assertThat(out.readableBytes()).as("only the second update").isEqualTo(DtcMessage.of("ORDER_UPDATE").spec().binarySize());
        out.release();
        channel.finishAndReleaseAll();
    }
}
