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

    /** Appends the message as one complete frame, terminator included. */
    void writeFrame(DtcMessage m, ByteBuf out);
}
