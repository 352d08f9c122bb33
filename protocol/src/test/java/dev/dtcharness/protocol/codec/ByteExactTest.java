package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSamples;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message, every field set, compared byte by byte with an image built independently with
 * java.nio from the spec's offsets and C types: an encoder mistake cannot hide on both sides.
 */
class ByteExactTest {

    static Stream<String> everyMessage() {
        return DtcSpec.v8().messages().stream().map(MessageSpec::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessage")
    void shouldPutEveryFieldAtItsSpecOffset(String name) {
        MessageSpec spec = DtcSpec.v8().message(name);
        DtcMessage message = MessageSamples.everyFieldSet(spec);
        ByteBuf wire = Unpooled.buffer();
        new BinaryFormat(DtcSpec.v8()).encode(message, wire);
        byte[] actual = ByteBufUtil.getBytes(wire);
        wire.release();
        assertThat(actual).isEqualTo(expectedImage(spec, message));
    }

    static byte[] expectedImage(MessageSpec spec, DtcMessage m) {
        ByteBuffer b = ByteBuffer.allocate(spec.binarySize()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) spec.binarySize()).putShort(2, (short) spec.type());
        for (FieldSpec f : spec.fields()) {
            Object v = m.valueAt(f);
            int at = f.offset();
            switch (f.size()) {
                case 1 -> b.put(at, ((Long) v).byteValue());
                case 2 -> b.putShort(at, ((Long) v).shortValue());
                default -> {
                    if (v instanceof String s) {
                        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
                        b.put(at, bytes, 0, bytes.length);
                    } else if (f.ctype().equals("float")) {
                        b.putFloat(at, ((Double) v).floatValue());
                    } else if (v instanceof Double d) {
                        b.putDouble(at, d);
                    } else if (f.size() == 4) {
                        b.putInt(at, ((Long) v).intValue());
                    } else {
                        b.putLong(at, (Long) v);
                    }
                }
            }
        }
        return b.array();
    }
}
