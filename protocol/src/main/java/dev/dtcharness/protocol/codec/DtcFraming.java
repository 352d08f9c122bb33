package dev.dtcharness.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * Cuts a byte stream into DTC frames; bytes may arrive split or coalesced in any way.
 *
 * <pre>
 * binary:  +--------+--------+----------------------+
 *          | Size   | Type   | fields at spec offsets|   Size = whole message, header included,
 *          | u16 LE | u16 LE | (Size - 4 bytes)      |   so Size &lt; 4 cannot be a DTC frame
 *          +--------+--------+----------------------+
 *
 * JSON:    {"Type":3,...} 00 {"Type":301,...} 00       one object per message, each ended by NUL
 * </pre>
 */
public final class DtcFraming {
    /** The binary header: uint16 Size, uint16 Type. */
    public static final int HEADER_SIZE = 4;
    /** Longest frame accepted by default; a binary Size cannot exceed 65535 anyway. */
    public static final int DEFAULT_MAX_FRAME = 65_535;

    private DtcFraming() {
    }

    /** The next whole binary frame as a slice of {@code in} (valid until {@code in} is released), or null. */
    public static ByteBuf nextBinaryFrame(ByteBuf in, int maxFrame) {
        int size = binaryFrameSize(in, maxFrame);
        return size < 0 ? null : in.readSlice(size);
    }

    /**
     * The Size of the whole binary frame at {@code in}'s reader index, or -1 when it has not all
     * arrived yet; the reader index does not move. A Size below the header cannot be skipped, so it is fatal.
     */
    public static int binaryFrameSize(ByteBuf in, int maxFrame) {
        if (in.readableBytes() < 2) {
            return -1;
        }
        int size = in.getUnsignedShortLE(in.readerIndex());
        if (size < HEADER_SIZE) {
            throw new DtcCodecException("binary header Size is " + size + " (expected: at least " + HEADER_SIZE
                    + ", the header's own uint16 Size and uint16 Type; the stream cannot be delimited)", true);
        }
        if (size > maxFrame) {
            throw new DtcCodecException("binary header Size is " + size + " (expected: at most " + maxFrame
                    + ", this endpoint's frame limit)", true);
        }
        return in.readableBytes() < size ? -1 : size;
    }

    /**
     * The next JSON frame without its NUL, or null when the NUL has not arrived yet. An empty
     * frame (stray NULs between messages) comes back empty so the caller can skip it.
     */
    public static ByteBuf nextJsonFrame(ByteBuf in, int maxFrame) {
        int nul = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (nul < 0) {
            if (in.readableBytes() > maxFrame) {
                throw new DtcCodecException("JSON message longer than " + maxFrame
                        + " bytes without its terminating NUL (expected: each JSON message ends with a 0x00 byte)", true);
            }
            return null;
        }
        ByteBuf frame = in.readSlice(nul - in.readerIndex());
        in.skipBytes(1);
        return frame;
    }
}
