package dev.dtcharness.simulator.fault;

import dev.dtcharness.protocol.message.Logoff;
import dev.dtcharness.simulator.script.Step;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults a scenario step or the fault API inflicts on one session's connection: disconnect, reset
 * (RST), silence, an unasked LOGOFF, garbage bytes, and duplicated or reordered ORDER_UPDATEs. The
 * session keeps its own state (logged on, heartbeats, closing) and lends this class the few handles a
 * fault needs of it.
 */
public final class SessionFaults {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFaults.class);

    /** What a fault needs of its session's heartbeats: stopped while silent, started again after. */
    public interface Heartbeats {
        void stop();

        /** Started again, at the client's interval, if the session is logged on. */
        void resume();
    }

    private final String label;
    private final Channel channel;
    private final Random random;
    private final Consumer<Object> queued;
    private final Runnable closing;
    private final Heartbeats heartbeats;

    /**
     * @param queued  writes an object into the pipeline behind the messages already sent (the session's
     *                write queue), so a fault armed that way starts exactly between two messages
     * @param closing marks the session as closing, so it says why it closes once
     */
    public SessionFaults(String label, Channel channel, Random random, Consumer<Object> queued, Runnable closing,
                         Heartbeats heartbeats) {
        this.label = label;
        this.channel = channel;
        this.random = random;
        this.queued = queued;
        this.closing = closing;
        this.heartbeats = heartbeats;
    }

    /** Applies {@code fault}; from any thread. */
    public void apply(Step fault) {
        if (fault.step() == Step.Kind.DUPLICATE || fault.step() == Step.Kind.REORDER) {
            // Queued with the messages, so it applies to exactly the updates sent after this call.
            LOG.info("{}: fault {}", label, fault);
            boolean duplicate = fault.step() == Step.Kind.DUPLICATE;
            queued.accept(new OrderUpdateFaults.Arm(duplicate ? fault.updates() : 0, duplicate ? 0 : fault.updates(),
                    fault.millis() == null ? OrderUpdateFaults.DEFAULT_MAX_HOLD_MILLIS : fault.millis()));
            return;
        }
        channel.eventLoop().execute(() -> onLoop(fault));
    }

    private void onLoop(Step fault) {
        LOG.info("{}: fault {}", label, fault);
        switch (fault.step()) {
            case DISCONNECT -> {
                closing.run();
                channel.close();
            }
            case RESET -> {
                closing.run();
                // Linger 0 makes close() send RST instead of FIN: the peer sees "connection reset".
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
            }
            case SILENCE -> silence(fault.millis());
            case LOGOFF -> {
                closing.run();
                Logoff logoff = new Logoff().setDoNotReconnect(1)
                        .setReason(fault.text() == null ? "logged off by the simulator" : fault.text());
                channel.writeAndFlush(logoff).addListener(ChannelFutureListener.CLOSE);
            }
            case GARBAGE -> {
                byte[] bytes = new byte[fault.quantity().intValue()];
                random.nextBytes(bytes);
                channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
            default -> throw new IllegalArgumentException(fault.step() + " is not a fault");
        }
    }

    /** No heartbeats and no answers (they are dropped) for {@code millis}, or for good when null. */
    private void silence(Long millis) {
        OutboundGate gate = channel.pipeline().get(OutboundGate.class);
        if (gate == null) {
            return;
        }
        gate.silent(true);
        heartbeats.stop();
        if (millis != null) {
            channel.eventLoop().schedule(() -> {
                gate.silent(false);
                heartbeats.resume();
                LOG.info("{}: silence over", label);
            }, millis, TimeUnit.MILLISECONDS);
        }
    }
}
