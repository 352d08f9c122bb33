package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices a client that sent no frame of any kind for N heartbeat intervals (FACTS.md 2.4), and then
 * fires {@link IdleStateEvent#READER_IDLE_STATE_EVENT}. It sits after the codec and counts every whole
 * frame that arrived: the messages, and the frames that failed to decode (a peer that talks wrongly
 * still talks), not stray bytes of a frame yet to end. While the simulator itself does not read from the
 * peer (auto-read off: back-pressure from {@link ReadWhileWritable}) nothing the peer sends can arrive, so
 * it cannot be judged silent: the clock starts again whenever reading stops or resumes.
 * Per frame it sets a flag; the clock is read once per socket read, as Netty's IdleStateHandler does.
 */
final class SilenceDetector extends ChannelInboundHandlerAdapter {
    static final String NAME = "silence";

    private long limitNanos;
    private long lastHeardNanos;
    private boolean heard;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> check;

    private SilenceDetector(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    static SilenceDetector create(SimulatorConfig config, int heartbeatSeconds) {
        return new SilenceDetector(TimeUnit.SECONDS.toNanos(seconds(config, heartbeatSeconds)));
    }

    /** After logon the client's own interval replaces the pre-logon default; the clock starts again. */
    static void rearm(ChannelPipeline pipeline, SimulatorConfig config, int heartbeatSeconds) {
        SilenceDetector detector = (SilenceDetector) pipeline.get(NAME);
        if (detector != null) {
            detector.limit(TimeUnit.SECONDS.toNanos(seconds(config, heartbeatSeconds)));
        }
    }

    static long seconds(SimulatorConfig config, int heartbeatSeconds) {
        return (long) config.connection().missedHeartbeatsBeforeDrop() * heartbeatSeconds;
    }

    /** How long a peer may stay silent before it is dropped. */
    long limitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(limitNanos);
    }

    private void limit(long nanos) {
        limitNanos = nanos;
        lastHeardNanos = System.nanoTime();
        schedule(limitNanos);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start();
        ctx.fireChannelActive();
    }

    private void start() {
        if (check == null && limitNanos > 0) {
            lastHeardNanos = System.nanoTime();
            schedule(limitNanos);
        }
    }

    private void schedule(long delayNanos) {
        if (check != null) {
            check.cancel(false);
        }
        check = limitNanos > 0 ? ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS) : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        heard = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        DtcCodecException dtc = Failures.codecError(cause);
        if (dtc != null && !dtc.isFatal()) {
            // A whole frame that did not decode: the peer is there.
            heard = true;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (heard) {
            lastHeardNanos = System.nanoTime();
            heard = false;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // Reading stops or resumes with writability (ReadWhileWritable, before this handler, has just switched it).
        lastHeardNanos = System.nanoTime();
        ctx.fireChannelWritabilityChanged();
    }

    private void check() {
        check = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (heard || !ctx.channel().config().isAutoRead()) {
            lastHeardNanos = now;
        }
        long left = limitNanos - (now - lastHeardNanos);
        if (left > 0) {
            schedule(left);
            return;
        }
        schedule(limitNanos);
        ctx.fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        limitNanos = 0;
    }
}
