package dev.dtcharness.simulator.validation;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.WireFormats;
import dev.dtcharness.protocol.conformance.ConformanceChecker;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.conformance.Finding;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sits before the codec and runs the {@link ConformanceChecker} on every whole inbound frame, the
 * raw bytes being the only place where unknown JSON fields or a misdeclared Size can still be
 * seen. What a fixed-size binary frame says is checked after the codec, on its message, by
 * {@link DecodedConformance}. It copies the bytes it reads into a buffer of its own and frames them as the codec does;
 * the original bytes go on to the codec untouched. Each frame's findings go to {@code report} together. After a frame it
 * cannot delimit it stops: the codec closes the session anyway.
 */
public final class ConformanceTap extends ChannelInboundHandlerAdapter {
    public static final String NAME = "conformance-tap";
    private static final ConformanceChecker CHECKER = new ConformanceChecker(DtcSpec.v8());
    private static final int ENCODING_REQUEST = DtcSpec.v8().typeOf("ENCODING_REQUEST");

    private final Consumer<List<Finding>> report;
    private ByteBuf pending;
    private boolean stopped;

    public ConformanceTap(Consumer<List<Finding>> report) {
        this.report = report;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!stopped && msg instanceof ByteBuf bytes) {
            // Most reads start on a frame boundary: their frames are checked where they lie, and only a
            // frame cut by the end of the read is copied, to be completed by the next one.
            ByteBuf in;
            if (pending == null) {
                in = bytes.duplicate();
            } else {
                pending.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
                in = pending;
            }
            try {
                checkWholeFrames((DtcCodec) ctx.pipeline().get(DtcCodec.NAME), in);
                keepRest(ctx, in);
            } catch (RuntimeException e) {
                stop();
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void keepRest(ChannelHandlerContext ctx, ByteBuf in) {
        if (stopped) {
            return;
        }
        if (in != pending) {
            if (in.isReadable()) {
                pending = ctx.alloc().buffer(in.readableBytes());
                pending.writeBytes(in);
            }
        } else if (pending.isReadable()) {
            pending.discardReadBytes();
        } else {
            // An idle session then holds no buffer at all.
            release();
        }
    }

    private void checkWholeFrames(DtcCodec codec, ByteBuf in) {
        while (in.isReadable()) {
            // Before the codec has seen a byte, the encoding it is about to pick; it holds what the findings
            // make the session send until then, so they go out in that encoding too.
            DtcEncoding encoding = codec.inboundEncoding() != null ? codec.inboundEncoding()
                    : DtcCodec.detectedFrom(in.getByte(in.readerIndex()));
            boolean more;
            try {
                more = encoding == DtcEncoding.BINARY_ENCODING ? checkInPlace(in) : checkSliced(in, encoding);
            } catch (DtcCodecException e) {
                stop();
                return;
            }
            if (!more) {
                break;
            }
        }
    }

    /**
     * Checks the fixed binary frame at {@code in}'s reader index through a window on {@code in} (its writer
     * index held at the frame's end), then steps over it: the check only reads at offsets, and a slice per
     * frame was the one object the tap made per message. False when the frame has not all arrived, or
     * when it is an ENCODING_REQUEST (what follows it is in the encoding the codec is about to switch to:
     * framed next time).
     */
    private boolean checkInPlace(ByteBuf in) {
        int size = DtcFraming.binaryFrameSize(in, DtcFraming.DEFAULT_MAX_FRAME);
        if (size < 0) {
            return false;
        }
        int end = in.writerIndex();
        in.writerIndex(in.readerIndex() + size);
        boolean encodingRequest;
        try {
            check(in, DtcEncoding.BINARY_ENCODING);
            encodingRequest = isEncodingRequest(in, DtcEncoding.BINARY_ENCODING);
        } finally {
            in.writerIndex(end);
        }
        in.skipBytes(size);
        return !encodingRequest;
    }

    /** As {@link #checkInPlace}, for a frame its encoding's framer slices off (JSON, VLS). */
    private boolean checkSliced(ByteBuf in, DtcEncoding encoding) {
        ByteBuf frame = WireFormats.of(encoding).nextFrame(in, DtcFraming.DEFAULT_MAX_FRAME);
        if (frame == null) {
            return false;
        }
        if (!frame.isReadable()) {
            return true;
        }
        check(frame, encoding);
        return !isEncodingRequest(frame, encoding);
    }

    private void check(ByteBuf frame, DtcEncoding encoding) {
        List<Finding> findings = CHECKER.checkFrame(frame, encoding, Direction.CLIENT_TO_SERVER, true);
        if (!findings.isEmpty()) {
            report.accept(findings);
        }
    }

    private static boolean isEncodingRequest(ByteBuf frame, DtcEncoding encoding) {
        if (encoding == DtcEncoding.BINARY_ENCODING || encoding == DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS) {
            return frame.readableBytes() >= 4 && frame.getUnsignedShortLE(frame.readerIndex() + 2) == ENCODING_REQUEST;
        }
        String text = frame.toString(java.nio.charset.StandardCharsets.UTF_8).replace(" ", "");
        return text.contains("\"Type\":" + ENCODING_REQUEST + ",") || text.contains("\"Type\":" + ENCODING_REQUEST + "}");
    }

    private void stop() {
        stopped = true;
        release();
    }

    private void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        stopped = true;
        ctx.fireChannelInactive();
    }
}
