package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;

/**
 * Frames and decodes inbound bytes into {@link DtcMessage}s (or
 * {@link dev.dtcharness.protocol.UnknownMessage}s), and encodes outbound messages, in the encoding
 * in force. The encoding can change between two messages ({@link #switchTo}), which is what the
 * DTC encoding request sequence needs: the response goes out in the old encoding, and every later
 * byte in both directions uses the new one. A codec made with {@link #detecting()} decides on the
 * first inbound byte: {@code '{'} means a JSON-first client, anything else binary.
 * Decoded messages hold no buffers; frames are released here. Raw {@link ByteBuf} writes pass
 * through untouched, so tests and fault injection can put any bytes on the wire.
 */
public final class DtcCodec extends ByteToMessageCodec<DtcMessage> {
    /** The handler's name in a pipeline. */
    public static final String NAME = "dtc-codec";

    private static final BinaryFormat BINARY = new BinaryFormat(DtcSpec.v8());
    private static final JsonFormat JSON = new JsonFormat(DtcSpec.v8());

    private volatile DtcEncoding inbound;
    private volatile DtcEncoding outbound;
    private final int maxJsonFrame;
    private boolean failed;

    private DtcCodec(DtcEncoding inbound, DtcEncoding outbound, int maxJsonFrame) {
        super(DtcMessage.class);
        this.inbound = inbound;
        this.outbound = outbound;
        this.maxJsonFrame = maxJsonFrame;
    }

    /** Both directions in one encoding from the first byte (a client, or a server preset to one encoding). */
    public static DtcCodec fixed(DtcEncoding encoding) {
        requireImplemented(encoding);
        return new DtcCodec(encoding, encoding, DtcFraming.DEFAULT_MAX_JSON_FRAME);
    }

    /** A server side that starts in binary unless the peer's first byte opens a JSON object. */
    public static DtcCodec detecting() {
        return new DtcCodec(null, DtcEncoding.BINARY_ENCODING, DtcFraming.DEFAULT_MAX_JSON_FRAME);
    }

    /** From the next message on, read and write in this encoding. Call on the channel's event loop. */
    public void switchTo(DtcEncoding encoding) {
        requireImplemented(encoding);
        this.inbound = encoding;
        this.outbound = encoding;
    }

    /** The inbound encoding, or null while a detecting codec has seen no byte yet. */
    public DtcEncoding inboundEncoding() {
        return inbound;
    }

    public DtcEncoding outboundEncoding() {
        return outbound;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DtcMessage msg, ByteBuf out) {
        if (outbound == DtcEncoding.JSON_ENCODING) {
            JSON.encode(msg, out);
            out.writeByte(0);
        } else {
            BINARY.encode(msg, out);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (inbound == null) {
            DtcEncoding detected = in.getByte(in.readerIndex()) == '{' ? DtcEncoding.JSON_ENCODING : DtcEncoding.BINARY_ENCODING;
            inbound = detected;
            outbound = detected;
        }
        try {
            if (inbound == DtcEncoding.JSON_ENCODING) {
                ByteBuf frame = DtcFraming.nextJsonFrame(in, maxJsonFrame);
                if (frame != null && frame.isReadable()) {
                    out.add(JSON.decode(frame));
                }
            } else {
                ByteBuf frame = DtcFraming.nextBinaryFrame(in);
                if (frame != null) {
                    out.add(BINARY.decode(frame));
                }
            }
        } catch (DtcCodecException e) {
            if (e.isFatal()) {
                // Nothing after an undelimitable frame can be trusted; drop it rather than misread it.
                failed = true;
                in.skipBytes(in.readableBytes());
            }
            throw e;
        }
    }

    private static void requireImplemented(DtcEncoding encoding) {
        if (!encoding.isImplemented()) {
            throw new IllegalArgumentException(encoding + " is not implemented yet (binary and JSON are)");
        }
    }
}
