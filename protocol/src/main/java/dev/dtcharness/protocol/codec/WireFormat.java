package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import io.netty.buffer.ByteBuf;

/** One DTC encoding: how frames are cut from a byte stream, and how a frame becomes a message and back. */
public interface WireFormat {

    DtcEncoding encoding();

    /** The next whole frame as a slice of {@code in}, or null when more bytes are needed. */
    ByteBuf nextFrame(ByteBuf in, int maxFrame);

    /** A {@link DtcMessage}, or an {@link dev.dtcharness.protocol.UnknownMessage} for a type DTC v8 lacks. */
    Object decode(ByteBuf frame);

    /** What {@link #decodeNext} gives for a frame that holds nothing (a stray NUL between JSON messages). */
    Object NOTHING = new Object();

    /**
     * Cuts and decodes the next frame of {@code in}, moving its reader index past it: a message,
     * {@link #NOTHING} for an empty frame, or null when more bytes are needed.
     */
    default Object decodeNext(ByteBuf in, int maxFrame) {
        ByteBuf frame = nextFrame(in, maxFrame);
        if (frame == null) {
            return null;
        }
        return frame.isReadable() ? decode(frame) : NOTHING;
    }

    /** About how many bytes {@link #writeFrame} takes for {@code m}: exact for the binary encoding. */
    default int sizeHint(DtcMessage m) {
        return 256;
    }

    /** Appends the message as one complete frame, terminator included. */
    void writeFrame(DtcMessage m, ByteBuf out);
}
