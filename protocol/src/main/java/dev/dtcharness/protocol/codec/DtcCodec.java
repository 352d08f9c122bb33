package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.KeptCopy;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * Frames and decodes inbound bytes into {@link DtcMessage}s (or
 * {@link dev.dtcharness.protocol.UnknownMessage}s), and encodes outbound messages, in the encoding
 * in force. The encoding can change between two messages ({@link #switchTo}), which is what the
 * DTC encoding request sequence needs: the response goes out in the old encoding, and every later
 * byte in both directions uses the new one. A codec made with {@link #detecting()} decides on the
 * first inbound byte: {@code '{'} means a JSON-first client, anything else binary. Until that byte has
 * arrived it encodes nothing: what is written before (a conformance finding on the very frame that is
 * about to decide, say) is held and goes out in the detected encoding, so a session never sees a byte
 * in an encoding other than its own. Each buffer it hands on holds one encoding: a switch passes the
 * batch so far on first (a transport that frames by encoding, WebSocket, can tell text from binary).
 * Decoded messages hold no buffers; frames are released here. Raw {@link ByteBuf} writes pass
 * through untouched, so tests and fault injection can put any bytes on the wire.
 *
 * <p>Messages written between two flushes are encoded one after the other into one buffer
 * ({@link OutboundBatch}), each in the encoding in force when it was written: under load a
 * flush then hands the socket one buffer, not one per message.
 */
public final class DtcCodec extends ByteToMessageDecoder implements ChannelOutboundHandler {
    /** The handler's name in a pipeline. */
    public static final String NAME = "dtc-codec";

    private volatile WireFormat inbound;
    private volatile WireFormat outbound;
    private final int maxFrame;
    private boolean failed;
    private volatile int buffered;

    private final OutboundBatch batch = new OutboundBatch();
    /** Writes waiting for a detecting codec's first inbound byte; null once it came (or for a fixed codec). */
    private HeldWrites held;
    private ChannelHandlerContext context;
    /** Null: every frame a new message. */
    private ReusedMessages reused;

    private DtcCodec(DtcEncoding inbound, DtcEncoding outbound, int maxFrame) {
        this.inbound = inbound == null ? null : WireFormats.of(inbound);
        this.outbound = WireFormats.of(outbound);
        this.maxFrame = maxFrame;
        // Under load nearly every read ends inside a frame, so the cumulation is never empty: left at
        // the default (discard after 16 reads) it grew by reallocation and copied every byte it held
        // again each time, on the client loop's hot path. Moving the cut frame to the front after each read
        // keeps it one read long.
        setDiscardAfterReads(1);
    }

    /** Both directions in one encoding from the first byte (a client, or a server preset to one encoding). */
    public static DtcCodec fixed(DtcEncoding encoding) {
        return fixed(encoding, DtcFraming.DEFAULT_MAX_FRAME);
    }

    /** As {@link #fixed(DtcEncoding)}, refusing inbound frames longer than {@code maxFrame} bytes. */
    public static DtcCodec fixed(DtcEncoding encoding, int maxFrame) {
        return new DtcCodec(encoding, encoding, maxFrame);
    }

    /** A server side that starts in binary unless the peer's first byte opens a JSON object. */
    public static DtcCodec detecting() {
        return detecting(DtcFraming.DEFAULT_MAX_FRAME);
    }

    public static DtcCodec detecting(int maxFrame) {
        DtcCodec codec = new DtcCodec(null, DtcEncoding.BINARY_ENCODING, maxFrame);
        codec.held = new HeldWrites();
        return codec;
    }

    /**
     * The encoding a detecting server side serves a peer whose first inbound byte is {@code first}: JSON
     * for {@code '{'}, binary for anything else.
     */
    public static DtcEncoding detectedFrom(byte first) {
        return first == '{' ? DtcEncoding.JSON_ENCODING : DtcEncoding.BINARY_ENCODING;
    }

    /**
     * Binary frames of the types {@code lettingGo} accepts (asked per frame) are decoded into one message
     * kept per type: for a channel whose readers of those types look at each message and let go of it
     * (see {@link ReusedMessages}). Other encodings still make a message per frame. Before the channel is active.
     */
    public DtcCodec reuseDecoded(Predicate<MessageSpec> lettingGo) {
        this.reused = new ReusedMessages(lettingGo);
        return this;
    }

    /** From the next message on, read and write in this encoding. Call on the channel's event loop. */
    public void switchTo(DtcEncoding encoding) {
        WireFormat format = WireFormats.of(encoding);
        if (format != outbound && context != null) {
            // What was encoded in the old encoding leaves in a buffer of its own.
            batch.writeTo(context);
        }
        this.inbound = format;
        this.outbound = format;
    }

    /** The inbound encoding, or null while a detecting codec has seen no byte yet. */
    public DtcEncoding inboundEncoding() {
        WireFormat in = inbound;
        return in == null ? null : in.encoding();
    }

    public DtcEncoding outboundEncoding() {
        return outbound.encoding();
    }

    /** Bytes received but not yet decoded: never more than one frame limit plus one read. */
    public int bufferedBytes() {
        return buffered;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (held != null) {
            // Before the peer's first byte: only a detecting codec gets here, a few times per session at most.
            held.add(KeptCopy.ofWrite(msg).message(), promise);
            return;
        }
        if (!(msg instanceof DtcMessage m)) {
            // Raw bytes (tests, faults) keep their place in the stream: what was batched goes first.
            batch.writeTo(ctx);
            ctx.write(msg, promise);
            return;
        }
        try {
            batch.add(ctx, outbound, m, promise);
        } catch (RuntimeException e) {
            // Only this message is lost; the batch is as it was before it.
            promise.tryFailure(e instanceof EncoderException ? e : new EncoderException(e));
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        batch.writeTo(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        // A peer that never sent a byte gets what was held in the default encoding, binary, rather than nothing.
        if (releaseHeld(ctx)) {
            flush(ctx);
        }
        batch.writeTo(ctx);
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (releaseHeld(ctx)) {
            flush(ctx);
        }
        batch.writeTo(ctx);
        ctx.disconnect(promise);
    }

    @Override
    public void deregister(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.deregister(promise);
    }

    @Override
    public void bind(ChannelHandlerContext ctx, SocketAddress localAddress, ChannelPromise promise) {
        ctx.bind(localAddress, promise);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remoteAddress, SocketAddress localAddress,
                        ChannelPromise promise) {
        ctx.connect(remoteAddress, localAddress, promise);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        ctx.read();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (held != null) {
            held.discard(new EncoderException("the DTC codec was removed before the peer's first byte"));
            held = null;
        }
        batch.discard(new EncoderException("the DTC codec was removed before the messages were flushed"));
    }

    /** Writes what waited for the encoding, in the encoding now in force; true when there was any. */
    private boolean releaseHeld(ChannelHandlerContext ctx) {
        HeldWrites waiting = held;
        if (waiting == null) {
            return false;
        }
        held = null;
        return waiting.writeTo(this, ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            decodeOne(ctx, in, out);
        } finally {
            buffered = in.readableBytes();
        }
    }

    private void decodeOne(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (inbound == null) {
            inbound = WireFormats.of(detectedFrom(in.getByte(in.readerIndex())));
            outbound = inbound;
            if (releaseHeld(ctx)) {
                flush(ctx);
            }
        }
        try {
            Object m = inbound instanceof BinaryFormat binary
                    ? binary.decodeNext(in, maxFrame, reused) : inbound.decodeNext(in, maxFrame);
            // An empty JSON frame is a stray NUL between messages: skip it.
            if (m != null && m != WireFormat.NOTHING) {
                out.add(m);
            }
        } catch (DtcCodecException e) {
            if (!e.isFatal()) {
                // Reported without throwing: a throw would stop this read's loop, and the good frames
                // behind the bad one would wait for the peer's next bytes.
                ctx.fireExceptionCaught(new DecoderException(e));
                return;
            }
            // Nothing after an undelimitable frame can be trusted; drop it rather than misread it.
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        } catch (RuntimeException e) {
            // A decoder bug must still cost only this session, and say where it happened.
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new DtcCodecException("cannot decode " + inbound.encoding() + " frame: " + e, true, e);
        }
    }
}
