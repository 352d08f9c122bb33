package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Frames for codec tests. */
final class Wire {
    private static final BinaryFormat BINARY = new BinaryFormat(DtcSpec.v8());

    private Wire() {
    }

    static ByteBuf binary(DtcMessage m) {
        ByteBuf b = Unpooled.buffer();
        BINARY.encode(m, b);
        return b;
    }

    /** The JSON text followed by the NUL that ends every DTC JSON message. */
    static ByteBuf json(String text) {
        return Unpooled.copiedBuffer(text + "\0", StandardCharsets.UTF_8);
    }
}
