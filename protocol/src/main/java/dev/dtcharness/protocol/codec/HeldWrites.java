package dev.dtcharness.protocol.codec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes that reached a detecting codec before the peer's first byte told it the session's encoding, kept
 * in their order (messages as copies of their own, raw bytes as they are) until it knows. Event-loop only.
 */
final class HeldWrites {
    private final List<Object> messages = new ArrayList<>(2);
    private final List<ChannelPromise> promises = new ArrayList<>(2);

    void add(Object message, ChannelPromise promise) {
        messages.add(message);
        promises.add(promise);
    }

    /** Writes them all through {@code codec}, now that it has an encoding; true when there was any. */
    boolean writeTo(ChannelOutboundHandler codec, ChannelHandlerContext ctx) {
        for (int i = 0; i < messages.size(); i++) {
            try {
                codec.write(ctx, messages.get(i), promises.get(i));
            } catch (Exception e) {
                promises.get(i).tryFailure(e);
            }
        }
        boolean any = !messages.isEmpty();
        messages.clear();
        promises.clear();
        return any;
    }

    void discard(Throwable cause) {
        for (int i = 0; i < messages.size(); i++) {
            ReferenceCountUtil.release(messages.get(i));
            promises.get(i).tryFailure(cause);
        }
        messages.clear();
        promises.clear();
    }
}
