package dev.dtcharness.simulator.fault;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.KeptCopy;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.message.OrderUpdate;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends outbound ORDER_UPDATEs (301) twice, or out of order, when told: what a server that
 * retransmits, or that answers from several threads, does to a client. Other messages pass
 * untouched. It is told by an {@link Arm} written into the pipeline, not by a call, so the fault
 * starts exactly between the messages written before and after it. Runs on the channel's event loop.
 */
public final class OrderUpdateFaults extends ChannelOutboundHandlerAdapter {
    /** Default longest wait of a held update for the one that is to overtake it. */
    public static final long DEFAULT_MAX_HOLD_MILLIS = 200;

    /**
     * The next {@code duplicates} updates go out twice; each of the next {@code reorders} updates is
     * held until the update after it has gone out (or {@code maxHoldMillis} passed, so a last
     * update is late rather than lost).
     */
    public record Arm(int duplicates, int reorders, long maxHoldMillis) {
    }

    /** A held update is the handler's own {@link KeptCopy}: whoever wrote it may fill it again once the write returns. */
    private record Held(DtcMessage msg, ChannelPromise promise, ScheduledFuture<?> deadline) {
    }

    private final LongAdder duplicated;
    private final LongAdder reordered;
    private int duplicates;
    private int reorders;
    private long maxHoldMillis = DEFAULT_MAX_HOLD_MILLIS;
    private Held held;

    /** {@code duplicated} and {@code reordered} count the updates this handler really sent twice or late. */
    public OrderUpdateFaults(LongAdder duplicated, LongAdder reordered) {
        this.duplicated = duplicated;
        this.reordered = reordered;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Arm arm) {
            duplicates += arm.duplicates();
            reorders += arm.reorders();
            maxHoldMillis = arm.maxHoldMillis();
            promise.setSuccess();
            return;
        }
        if (!(msg instanceof OrderUpdate m)) {
            ctx.write(msg, promise);
            return;
        }
        if (held != null) {
            Held h = held;
            held = null;
            h.deadline().cancel(false);
            send(ctx, m, promise);
            ctx.write(h.msg(), h.promise());
            reordered.increment();
            return;
        }
        if (reorders > 0) {
            reorders--;
            held = new Held(KeptCopy.of(m), promise, ctx.executor().schedule(() -> releaseLate(ctx), maxHoldMillis, TimeUnit.MILLISECONDS));
            return;
        }
        send(ctx, m, promise);
    }

    private void send(ChannelHandlerContext ctx, MessageView m, ChannelPromise promise) {
        if (duplicates > 0) {
            duplicates--;
            duplicated.increment();
            ctx.write(KeptCopy.of(m), ctx.newPromise());
        }
        ctx.write(m, promise);
    }

    /** Nothing overtook the held update in time: it goes out now, late but in one piece. */
    private void releaseLate(ChannelHandlerContext ctx) {
        Held h = held;
        if (h == null) {
            return;
        }
        held = null;
        ctx.write(h.msg(), h.promise());
        ctx.flush();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        Held h = held;
        held = null;
        if (h != null) {
            h.deadline().cancel(false);
            if (!h.promise().isVoid()) {
                // A void promise would take the failure to the pipeline as an error; nobody waits on it anyway.
                h.promise().tryFailure(new IllegalStateException("session closed while the update was held back"));
            }
        }
    }
}
