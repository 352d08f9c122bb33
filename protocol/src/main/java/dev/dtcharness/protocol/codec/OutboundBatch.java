package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Arrays;

/**
 * Messages encoded back to back into one buffer until the next flush (or until the buffer is full),
 * then written as one: one allocation, one outbound-buffer entry and one leak-detector sample per
 * batch instead of per message. Each message's own promise still hears how its bytes ended: at once
 * when it cannot be encoded, with the batch's write otherwise. Event-loop only, like the codec.
 */
final class OutboundBatch {
    /** Written out once this full: bounded memory per session, and the socket gets work early. */
    static final int CAPACITY = 32 * 1024;

    private ByteBuf buffer;
    /** How many bytes the last batch took: the next one starts that big (one session sends a few, another many). */
    private int lastBatchBytes;
    private ChannelPromise[] promises = new ChannelPromise[16];
    private int promiseCount;

    /** Encodes {@code m} at the end of the batch; a message that cannot be encoded leaves the batch as it was. */
    void add(ChannelHandlerContext ctx, WireFormat format, DtcMessage m, ChannelPromise promise) {
        int hint = format.sizeHint(m);
        if (buffer != null && buffer.isReadable() && buffer.writerIndex() + hint > CAPACITY) {
            writeTo(ctx);
        }
        if (buffer == null) {
            // Sized like the last batch, not at the cap: a thousand quiet sessions must not each take 32 KB
            // buffers for a message or two (the allocator pools small buffers far better than large ones).
            int size = Math.max(hint, Math.min(CAPACITY, lastBatchBytes));
            buffer = ctx.alloc().ioBuffer(size <= 64 ? 64 : Integer.highestOneBit(size - 1) << 1);
        }
        int mark = buffer.writerIndex();
        try {
            format.writeFrame(m, buffer);
        } catch (RuntimeException e) {
            buffer.writerIndex(mark);
            throw e;
        }
        if (!promise.isVoid()) {
            if (promiseCount == promises.length) {
                promises = Arrays.copyOf(promises, promiseCount * 2);
            }
            promises[promiseCount++] = promise;
        }
        if (buffer.readableBytes() >= CAPACITY) {
            writeTo(ctx);
        }
    }

    /** Passes the batch on (not flushed); every promise in it completes with that one write. */
    void writeTo(ChannelHandlerContext ctx) {
        ByteBuf b = buffer;
        if (b == null) {
            return;
        }
        buffer = null;
        lastBatchBytes = b.readableBytes();
        if (!b.isReadable() && promiseCount == 0) {
            // Left empty by a message that could not be encoded: nothing to send.
            b.release();
            return;
        }
        ctx.write(b, takePromise(ctx));
    }

    /** Drops an unwritten batch, failing its promises. */
    void discard(Throwable cause) {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        for (int i = 0; i < promiseCount; i++) {
            promises[i].tryFailure(cause);
            promises[i] = null;
        }
        promiseCount = 0;
    }

    private ChannelPromise takePromise(ChannelHandlerContext ctx) {
        int n = promiseCount;
        promiseCount = 0;
        if (n == 0) {
            return ctx.voidPromise();
        }
        if (n == 1) {
            ChannelPromise only = promises[0];
            promises[0] = null;
            return only;
        }
        ChannelPromise[] each = Arrays.copyOf(promises, n);
        Arrays.fill(promises, 0, n, null);
        ChannelPromise all = ctx.newPromise();
        all.addListener((ChannelFutureListener) f -> {
            for (ChannelPromise p : each) {
                if (f.isSuccess()) {
                    p.trySuccess();
                } else {
                    p.tryFailure(f.cause());
                }
            }
        });
        return all;
    }
}
