package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * DTC binary encoding with fixed-length strings: each field at the spec's offset, little-endian,
 * {@code char[N]} NUL-padded with the last byte always NUL. Readers follow DTC's versioning rule:
 * a shorter message leaves its missing trailing fields at their defaults, a longer one has its
 * unknown trailing bytes ignored.
 */
public final class BinaryFormat implements WireFormat {
    private final DtcSpec spec;

    public BinaryFormat(DtcSpec spec) {
        this.spec = spec;
    }

    @Override
    public DtcEncoding encoding() {
        return DtcEncoding.BINARY_ENCODING;
    }

    @Override
    public ByteBuf nextFrame(ByteBuf in, int maxFrame) {
        return DtcFraming.nextBinaryFrame(in, maxFrame);
    }

    @Override
    public void writeFrame(DtcMessage m, ByteBuf out) {
        encode(m, out);
    }

    /** Decodes one whole frame (header included); returns a {@link DtcMessage} or an {@link UnknownMessage}. */
    @Override
    public Object decode(ByteBuf frame) {
        int start = frame.readerIndex();
        int size = frame.readableBytes();
        int type = frame.getUnsignedShortLE(start + 2);
        MessageSpec ms = spec.messageOrNull(type);
        if (ms == null) {
            return new UnknownMessage(type, DtcEncoding.BINARY_ENCODING, size);
        }
        DtcMessage m = new DtcMessage(ms);
        for (FieldSpec f : ms.fields()) {
            if (f.offset() + f.size() > size) {
                break;
            }
            m.putRaw(f, read(frame, start + f.offset(), f));
        }
        return m;
    }

    /** Appends the message in the fixed binary encoding: exactly {@code binarySize} bytes. */
    public void encode(DtcMessage m, ByteBuf out) {
        MessageSpec ms = m.spec();
        StringCapacity.check(m);
        int start = out.writerIndex();
        out.ensureWritable(ms.binarySize());
        out.writeZero(ms.binarySize());
        out.setShortLE(start, ms.binarySize());
        out.setShortLE(start + 2, ms.type());
        for (FieldSpec f : ms.fields()) {
            write(out, start + f.offset(), f, m.valueAt(f));
        }
    }

    static Object read(ByteBuf b, int at, FieldSpec f) {
        return switch (f.kind()) {
            case INT8 -> (long) b.getByte(at);
            case UINT8 -> (long) b.getUnsignedByte(at);
            case INT16 -> (long) b.getShortLE(at);
            case UINT16 -> (long) b.getUnsignedShortLE(at);
            case INT32 -> (long) b.getIntLE(at);
            case UINT32 -> b.getUnsignedIntLE(at);
            case INT64, UINT64 -> b.getLongLE(at);
            case FLOAT -> (double) Float.intBitsToFloat(b.getIntLE(at));
            case DOUBLE -> Double.longBitsToDouble(b.getLongLE(at));
            case STRING -> readString(b, at, f.capacity());
        };
    }

    private static String readString(ByteBuf b, int at, int capacity) {
        int len = 0;
        while (len < capacity && b.getByte(at + len) != 0) {
            len++;
        }
        return b.toString(at, len, StandardCharsets.ISO_8859_1);
    }

    static void write(ByteBuf b, int at, FieldSpec f, Object v) {
        switch (f.kind()) {
            case INT8, UINT8 -> b.setByte(at, (int) (long) (Long) v);
            case INT16, UINT16 -> b.setShortLE(at, (int) (long) (Long) v);
            case INT32, UINT32 -> b.setIntLE(at, (int) (long) (Long) v);
            case INT64, UINT64 -> b.setLongLE(at, (Long) v);
            case FLOAT -> b.setIntLE(at, Float.floatToRawIntBits((float) (double) (Double) v));
            case DOUBLE -> b.setLongLE(at, Double.doubleToRawLongBits((Double) v));
            case STRING -> b.setBytes(at, ((String) v).getBytes(StandardCharsets.ISO_8859_1));
            default -> throw new IllegalStateException("unhandled kind " + f.kind());
        }
    }
}
