package dev.dtcharness.simulator.fault;

import dev.dtcharness.protocol.KeptCopy;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Sits on a session's outbound path and, when told, drops everything (silence) or holds back the
 * N-th message and everything after it for a while, so the order of messages never changes.
 * Runs on the channel's event loop.
 */
public final class OutboundGate extends ChannelOutboundHandlerAdapter {
    /** What {@link KeptCopy#ofWrite} kept of a write: whoever wrote a message may fill it again. */
    private record Held(KeptCopy.Write kept, ChannelPromise promise) {
    }

    private volatile boolean silent;
    private int sent;
    private int delayAt = -1;
    private long delayMillis;
    private final Queue<Held> held = new ArrayDeque<>();
    private boolean holding;

    public void silent(boolean on) {
        silent = on;
    }

    public boolean isSilent() {
        return silent;
    }

    /** The {@code n}-th message from now on (1 = the next) waits {@code millis}; the ones after it wait behind it. */
    public void delayNth(int n, long millis) {
        delayAt = sent + n;
        delayMillis = millis;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (silent) {
            ReferenceCountUtil.release(msg);
            promise.setSuccess();
            return;
        }
        sent++;
        if (!holding && sent == delayAt) {
            holding = true;
            ctx.executor().schedule(() -> release(ctx), delayMillis, TimeUnit.MILLISECONDS);
        }
        if (holding) {
            held.add(new Held(KeptCopy.ofWrite(msg), promise));
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!holding) {
            ctx.flush();
        }
    }

    private void release(ChannelHandlerContext ctx) {
        holding = false;
        delayAt = -1;
        for (Held h; (h = held.poll()) != null; ) {
            ctx.write(h.kept().message(), h.promise());
        }
        ctx.flush();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (Held h; (h = held.poll()) != null; ) {
            ReferenceCountUtil.release(h.kept().message());
            if (!h.promise().isVoid()) {
                // A void promise would take the failure to the pipeline as an error; nobody waits on it anyway.
                h.promise().tryFailure(new IllegalStateException("session closed while the message was delayed"));
            }
        }
    }
}
