package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.MessageView;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes messages to one channel from any thread, in the order they are given, and flushes once
 * per burst instead of once per message. A caller on the channel's event loop writes (and flushes)
 * at once, after anything still queued; a caller on another thread queues the message, and the
 * first one of a burst schedules one task on the loop that writes everything queued and flushes
 * once. So a thread that sends five messages in a row costs the loop one task and the kernel one
 * write, not five of each.
 */
public final class WriteBatcher {
    private final Channel channel;
    // Many writers, one reader (the loop): Netty's array-chunked MPSC queue makes no node per message.
    private final Queue<Pending> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    private record Pending(Object message, GenericFutureListener<? extends Future<? super Void>> listener) {
    }

    public WriteBatcher(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }

    /** Writes {@code message}; {@code listener} (may be null) hears how the write ended. */
    public void send(Object message, GenericFutureListener<? extends Future<? super Void>> listener) {
        boolean inLoop = channel.eventLoop().inEventLoop();
        if (inLoop && queue.isEmpty()) {
            // The loop's own writes (the simulator's answers) need no queue: nothing is ahead of them.
            write(message, listener);
            channel.flush();
            return;
        }
        queue.offer(new Pending(message, listener));
        if (inLoop) {
            drain();
        } else if (scheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                failQueued(e);
            }
        }
    }

    /**
     * As {@link #send} for a message the caller fills again once this returns: on the loop with nothing
     * queued ahead it is written (and so encoded) now; otherwise a copy waits in the queue.
     */
    public void sendBorrowed(MessageView message) {
        if (channel.eventLoop().inEventLoop() && queue.isEmpty()) {
            write(message, null);
            channel.flush();
            return;
        }
        send(message.copy(), null);
    }

    /** The loop is gone: every queued write fails, as writeAndFlush from outside the loop would. */
    private void failQueued(Throwable cause) {
        for (Pending p; (p = queue.poll()) != null; ) {
            ChannelFuture f = channel.newFailedFuture(cause);
            if (p.listener() != null) {
                f.addListener(p.listener());
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        boolean wrote = false;
        for (Pending p; (p = queue.poll()) != null; ) {
            write(p.message(), p.listener());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void write(Object message, GenericFutureListener<? extends Future<? super Void>> listener) {
        if (listener == null) {
            channel.write(message, channel.voidPromise());
        } else {
            channel.write(message).addListener(listener);
        }
    }
}
