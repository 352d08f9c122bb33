package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.codec.DtcCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One session's share of its event loop, which every session on that loop (and the exchange) shares.
 * One socket read can bring thousands of requests, and one OPEN_ORDERS_REQUEST is answered with an
 * ORDER_UPDATE per working order: handled in one go, a flooding peer held the loop for seconds and
 * piled up a hundred megabytes of answers while every other session waited. So a session gets a budget
 * of messages per pass (those it sends in, and those sent to it meanwhile); once spent, or once its
 * answers fill the outbound buffer past the high water mark (the channel is not writable), the codec
 * stops decoding (the one message it has decoded already is held here), keeping the rest as undecoded
 * bytes, reading stops, and the session carries on
 * in a pass of its own on a later turn of the loop, after the other sessions' reads, or, when its
 * outbound buffer was the reason, once the peer has read enough of it. Nothing is dropped and the
 * order is kept: every request is answered, in order, at the session's share of the loop.
 *
 * <p>A session on another loop than the exchange's is answered later, from the exchange's loop, so
 * its answers cannot be counted in the pass that handed its requests over: each message it sends in
 * costs an eighth of the budget, and before its next pass a round trip through the exchange (queued
 * behind those requests) makes sure their answers are in the outbound buffer, where the outbound limit
 * sees them.
 *
 * <p>Sits right after the codec's conformance check, so that it counts decoded messages and sees the
 * writes of everything behind it. A session within its budget pays a counter and a writability check
 * per message.
 */
public final class PassBudget extends ChannelDuplexHandler {
    static final String NAME = "pass-budget";

    private final DtcCodec codec;
    private final int budget;
    /** What a message in costs: 1, or an eighth of the budget when its answers come from another loop. */
    private final int cost;
    /** Runs a task on this session's loop once the exchange has done what was handed to it; null on its loop. */
    private final Consumer<Runnable> afterExchange;
    private final Runnable resume = this::resume;
    private final Runnable exchangeCaughtUp = this::exchangeCaughtUp;

    private ChannelHandlerContext ctx;
    /** Messages in and out in this pass. */
    private int spent;
    /** Between a message in and the end of its read, or during a pass of the session's own. */
    private boolean inPass;
    /** The codec holds the rest back and reading is off until {@link #resume}. */
    private boolean paused;
    private boolean resumeScheduled;
    /** Paused until the exchange has answered what this session handed it (another loop only). */
    private boolean awaitingExchange;
    /**
     * Messages (and in-stream decoding errors) that reached this handler while paused: the frames of one
     * read that reach the codec as separate buffers (WebSocket) each give a message, single decode or not.
     */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private volatile long pauses;
    private volatile long peakPendingBytes;

    /** @param afterExchange null for a session on the exchange's loop (see the class comment) */
    PassBudget(DtcCodec codec, int budget, Consumer<Runnable> afterExchange) {
        this.codec = codec;
        this.budget = budget;
        this.afterExchange = afterExchange;
        this.cost = afterExchange == null ? 1 : Math.max(1, budget / 8);
    }

    /** The most bytes this session's outbound buffer held, read after each message it sent in. */
    public long peakPendingBytes() {
        return peakPendingBytes;
    }

    /** How many times the session gave the loop up before its input was all handled. */
    public long pauses() {
        return pauses;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inPass = true;
        if (paused) {
            held.add(msg);
            return;
        }
        handle(msg);
    }

    private void handle(Object msg) {
        spent += cost;
        ctx.fireChannelRead(msg);
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out != null && out.totalPendingWriteBytes() > peakPendingBytes) {
            peakPendingBytes = out.totalPendingWriteBytes();
        }
        if (!paused && (spent >= budget || !ctx.channel().isWritable())) {
            pause();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (inPass) {
            spent++;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inPass = false;
        spent = 0;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A bad frame behind held messages is told after them, where the peer sent it.
        if (paused && cause instanceof DecoderException && !held.isEmpty()) {
            held.add(new HeldFailure(cause));
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (paused) {
            // ReadWhileWritable, ahead of this handler, turns reading back on once the answers drain; a
            // paused session still has input of its own to get through first.
            ctx.channel().config().setAutoRead(false);
            if (ctx.channel().isWritable() && !awaitingExchange) {
                scheduleResume();
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Nobody left to answer.
        held.clear();
        paused = false;
        ctx.fireChannelInactive();
    }

    private void pause() {
        paused = true;
        pauses++;
        codec.setSingleDecode(true);
        ctx.channel().config().setAutoRead(false);
        if (afterExchange != null) {
            awaitingExchange = true;
            afterExchange.accept(exchangeCaughtUp);
        } else if (ctx.channel().isWritable()) {
            scheduleResume();
        }
    }

    private void exchangeCaughtUp() {
        awaitingExchange = false;
        if (paused && ctx.channel().isWritable()) {
            scheduleResume();
        }
    }

    private void scheduleResume() {
        if (!resumeScheduled) {
            resumeScheduled = true;
            // Scheduled, not executed: a task the loop queues while running its tasks would run in the same
            // turn, before any other session's read; a due scheduled task waits for the next turn.
            ctx.executor().schedule(resume, 0, TimeUnit.NANOSECONDS);
        }
    }

    /** The session's own pass: what it held, then what the codec kept, until done or the budget is spent again. */
    private void resume() {
        resumeScheduled = false;
        if (!paused || awaitingExchange || !ctx.channel().isActive() || !ctx.channel().isWritable()) {
            // channelWritabilityChanged or exchangeCaughtUp resumes.
            return;
        }
        paused = false;
        inPass = true;
        spent = 0;
        while (!paused && !held.isEmpty()) {
            Object next = held.poll();
            if (next instanceof HeldFailure failure) {
                ctx.fireExceptionCaught(failure.cause());
            } else {
                handle(next);
            }
        }
        if (paused) {
            inPass = false;
            ctx.fireChannelReadComplete();
            return;
        }
        decodeKept();
        if (!paused) {
            // All caught up: read again (ReadWhileWritable's rule: only while the answers are drained).
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
    }

    /** Runs the codec over the bytes it kept, as if they had just been read. */
    private void decodeKept() {
        codec.setSingleDecode(false);
        ChannelHandlerContext codecCtx = ctx.pipeline().context(codec);
        if (codecCtx == null) {
            ctx.fireChannelReadComplete();
            return;
        }
        try {
            codec.channelRead(codecCtx, Unpooled.EMPTY_BUFFER);
        } catch (Exception e) {
            // What the pipeline does with a handler's exception: on to the handlers after it.
            codecCtx.fireExceptionCaught(e);
        }
        try {
            codec.channelReadComplete(codecCtx);
        } catch (Exception e) {
            codecCtx.fireExceptionCaught(e);
        }
    }

    private record HeldFailure(Throwable cause) {
    }
}
