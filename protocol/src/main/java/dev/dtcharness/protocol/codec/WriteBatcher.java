package dev.dtcharness.protocol.codec;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
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
        queue.offer(new Pending(message, listener));
        if (channel.eventLoop().inEventLoop()) {
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
            ChannelFuture f = channel.write(p.message());
            if (p.listener() != null) {
                f.addListener(p.listener());
            }
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }
}
