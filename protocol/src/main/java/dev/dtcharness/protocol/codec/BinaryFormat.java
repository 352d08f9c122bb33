package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSlots;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * DTC binary encoding with fixed-length strings: each field at the spec's offset, little-endian,
 * {@code char[N]} NUL-padded with the last byte always NUL. Readers follow DTC's versioning rule:
 * a shorter message leaves its missing trailing fields at their defaults, a longer one has its
 * unknown trailing bytes ignored.
 */
public final class BinaryFormat implements WireFormat {
    private static final MessageSlots SLOTS = MessageSlots.forCodecs(CodecKey.KEY);
    private final DtcSpec spec;
    private final FieldGroups[] groups;

    public BinaryFormat(DtcSpec spec) {
        this.spec = spec;
        this.groups = FieldGroups.index(spec.messages());
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
    public int sizeHint(DtcMessage m) {
        return m.spec().binarySize();
    }

    @Override
    public void writeFrame(DtcMessage m, ByteBuf out) {
        encode(m, out);
    }

    /** Decodes straight from the stream, without a slice per frame (a hot path: one object less per message). */
    @Override
    public Object decodeNext(ByteBuf in, int maxFrame) {
        return decodeNext(in, maxFrame, null);
    }

    /** As {@link #decodeNext(ByteBuf, int)}, into the message {@code into} gives for the frame's type (null: a new one). */
    public Object decodeNext(ByteBuf in, int maxFrame, ReusedMessages into) {
        int size = DtcFraming.binaryFrameSize(in, maxFrame);
        if (size < 0) {
            return null;
        }
        Object m = decode(in, in.readerIndex(), size, into);
        in.skipBytes(size);
        return m;
    }

    /** Decodes one whole frame (header included); returns a {@link DtcMessage} or an {@link UnknownMessage}. */
    @Override
    public Object decode(ByteBuf frame) {
        return decode(frame, frame.readerIndex(), frame.readableBytes(), null);
    }

    /**
     * As {@link #decode(ByteBuf)}, into {@code reuse} (cleared first) when it is of the frame's type: for
     * a reader that looks at each message and lets it go, such decoding makes no message per frame, and
     * no String either while its strings repeat. Anything else gets a new message, as from decode.
     */
    public Object decode(ByteBuf frame, DtcMessage reuse) {
        int start = frame.readerIndex();
        int type = frame.getUnsignedShortLE(start + 2);
        if (reuse == null || reuse.type() != type || reuse.spec() != spec.messageOrNull(type)) {
            return decode(frame);
        }
        return decodeInto(frame, start, frame.readableBytes(), reuse);
    }

    private Object decode(ByteBuf frame, int start, int size, ReusedMessages into) {
        int type = frame.getUnsignedShortLE(start + 2);
        MessageSpec ms = spec.messageOrNull(type);
        if (ms == null) {
            return new UnknownMessage(type, DtcEncoding.BINARY_ENCODING, size);
        }
        return decodeInto(frame, start, size, into != null ? into.messageFor(ms) : DtcMessage.of(ms));
    }

    /** Into {@code m}, which may hold an earlier frame: a whole frame writes every field, a shorter one clears it first. */
    private DtcMessage decodeInto(ByteBuf frame, int start, int size, DtcMessage m) {
        MessageSpec ms = m.spec();
        FieldGroups g = FieldGroups.of(groups, ms);
        if (g != null && size >= g.fieldsEnd) {
            if (frame.hasArray()) {
                HeapFields.readAll(frame.array(), frame.arrayOffset() + start, g, m);
            } else {
                // Sockets hand over direct buffers: one bulk copy into an array, then the array path, is
                // much cheaper than reading field by field through the buffer's checked accessors.
                byte[] a = Scratch.array(g.fieldsEnd);
                frame.getBytes(start, a, 0, g.fieldsEnd);
                HeapFields.readAll(a, 0, g, m);
            }
            return m;
        }
        m.clear();
        for (FieldSpec f : ms.fields()) {
            if (f.offset() + f.size() > size) {
                break;
            }
            readInto(frame, start + f.offset(), f, m);
        }
        return m;
    }

    /** Appends the message in the fixed binary encoding: exactly {@code binarySize} bytes. */
    public void encode(DtcMessage m, ByteBuf out) {
        MessageSpec ms = m.spec();
        int start = out.writerIndex();
        int size = ms.binarySize();
        FieldGroups g = FieldGroups.of(groups, ms);
        if (g != null && out.hasArray()) {
            // Room for the whole message, then straight into the array. The writer index moves only once all
            // is written, so a string too long for its field (checked as it is written) leaves out as it was.
            out.ensureWritable(size);
            byte[] a = out.array();
            int base = out.arrayOffset() + start;
            Arrays.fill(a, base, base + size, (byte) 0);
            HeapFields.setShort(a, base, size);
            HeapFields.setShort(a, base + 2, ms.type());
            HeapFields.writeAll(a, base, g, m);
            out.writerIndex(start + size);
            return;
        }
        if (g != null) {
            // A direct buffer (what a socket writes from): build the frame in an array, then one bulk copy.
            byte[] a = Scratch.array(size);
            Arrays.fill(a, 0, size, (byte) 0);
            HeapFields.setShort(a, 0, size);
            HeapFields.setShort(a, 2, ms.type());
            HeapFields.writeAll(a, 0, g, m);
            out.writeBytes(a, 0, size);
            return;
        }
        StringCapacity.check(m);
        out.ensureWritable(size);
        out.writeZero(size);
        out.setShortLE(start, size);
        out.setShortLE(start + 2, ms.type());
        for (FieldSpec f : ms.fields()) {
            writeFrom(out, start + f.offset(), f, m);
        }
    }

    /** Reads one field at {@code at} into {@code m}, unboxed: the path for buffers and layouts without FieldGroups. */
    static void readInto(ByteBuf b, int at, FieldSpec f, DtcMessage m) {
        switch (f.kind()) {
            case INT8 -> SLOTS.putLong(m, f, b.getByte(at));
            case UINT8 -> SLOTS.putLong(m, f, b.getUnsignedByte(at));
            case INT16 -> SLOTS.putLong(m, f, b.getShortLE(at));
            case UINT16 -> SLOTS.putLong(m, f, b.getUnsignedShortLE(at));
            case INT32 -> SLOTS.putLong(m, f, b.getIntLE(at));
            case UINT32 -> SLOTS.putLong(m, f, b.getUnsignedIntLE(at));
            case INT64, UINT64 -> SLOTS.putLong(m, f, b.getLongLE(at));
            case FLOAT -> SLOTS.putDouble(m, f, Float.intBitsToFloat(b.getIntLE(at)));
            case DOUBLE -> SLOTS.putDouble(m, f, Double.longBitsToDouble(b.getLongLE(at)));
            case STRING -> SLOTS.putString(m, f, readString(b, at, f.capacity()));
            default -> throw new IllegalStateException("unhandled kind " + f.kind());
        }
    }

    private static String readString(ByteBuf b, int at, int capacity) {
        int nul = b.indexOf(at, at + capacity, (byte) 0);
        return b.toString(at, nul < 0 ? capacity : nul - at, StandardCharsets.ISO_8859_1);
    }

    /** Writes one field of {@code m} (its value or the spec default) at {@code at}, unboxed. */
    static void writeFrom(ByteBuf b, int at, FieldSpec f, DtcMessage m) {
        switch (f.kind()) {
            case INT8, UINT8 -> b.setByte(at, (int) m.getLong(f));
            case INT16, UINT16 -> b.setShortLE(at, (int) m.getLong(f));
            case INT32, UINT32 -> b.setIntLE(at, (int) m.getLong(f));
            case INT64, UINT64 -> b.setLongLE(at, m.getLong(f));
            case FLOAT -> b.setIntLE(at, Float.floatToRawIntBits((float) m.getDouble(f)));
            case DOUBLE -> b.setLongLE(at, Double.doubleToRawLongBits(m.getDouble(f)));
            case STRING -> Latin1.set(b, at, m.getString(f));
            default -> throw new IllegalStateException("unhandled kind " + f.kind());
        }
    }
}
