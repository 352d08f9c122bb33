package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSlots;
import dev.dtcharness.protocol.UnknownMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * DTC binary encoding with variable-length strings (encoding 1). Framing is binary's; strings are
 * appended after the fixed part in field order, each slot holding the string's Offset from the
 * start of the message and its Length including the NUL (0/0 when absent). Readers bounds-check
 * fields against BaseSize and strings against Size, and clamp strings to 4096 bytes.
 */
public final class VlsFormat implements WireFormat {
    private static final MessageSlots SLOTS = MessageSlots.forCodecs(CodecKey.KEY);
    /** DTCProtocolVLS.h clamps every string it reads to this length. */
    static final int MAX_STRING = 4096;

    private final DtcSpec spec;
    /** Indexed by type number, so a frame's layout costs no map lookup or boxing. */
    private final VlsLayout[] layouts;

    public VlsFormat(DtcSpec spec) {
        this.spec = spec;
        this.layouts = new VlsLayout[spec.messages().stream().mapToInt(MessageSpec::type).max().orElse(-1) + 1];
        for (MessageSpec m : spec.messages()) {
            layouts[m.type()] = VlsLayout.of(m);
        }
    }

    private VlsLayout layout(MessageSpec m) {
        return layouts[m.type()];
    }

    /** The fixed part of a message in VLS: BaseSize, header included. */
    public int baseSize(MessageSpec m) {
        return layout(m).baseSize;
    }

    /** Whether the message has strings, and so a BaseSize field after Type. */
    public boolean hasBaseSize(MessageSpec m) {
        return layout(m).hasStrings;
    }

    /** Where a field's value (or a string's Offset/Length slot) sits in the VLS form. */
    public int offset(FieldSpec f, MessageSpec m) {
        return layout(m).offset(f);
    }

    @Override
    public DtcEncoding encoding() {
        return DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS;
    }

    @Override
    public ByteBuf nextFrame(ByteBuf in, int maxFrame) {
        return DtcFraming.nextBinaryFrame(in, maxFrame);
    }

    @Override
    public Object decode(ByteBuf frame) {
        int start = frame.readerIndex();
        int size = frame.readableBytes();
        int type = frame.getUnsignedShortLE(start + 2);
        MessageSpec ms = spec.messageOrNull(type);
        if (ms == null) {
            return new UnknownMessage(type, encoding(), size);
        }
        VlsLayout layout = layout(ms);
        int fixedEnd = fixedEnd(frame, layout);
        DtcMessage m = DtcMessage.of(ms);
        for (FieldSpec f : ms.fields()) {
            int at = layout.offset(f);
            if (!inFixedPart(f, at, fixedEnd)) {
                break;
            }
            if (f.kind() == WireKind.STRING) {
                SLOTS.putString(m, f, readString(frame, start, size, at, ms, f));
            } else {
                BinaryFormat.readInto(frame, start + at, f, m);
            }
        }
        return m;
    }

    /**
     * What {@link #decode} would refuse in this frame's string slots (the first string outside the
     * message), in its words, or null: for a checker that leaves the decoding to the codec.
     */
    public String slotProblem(ByteBuf frame) {
        int start = frame.readerIndex();
        int size = frame.readableBytes();
        MessageSpec ms = spec.messageOrNull(frame.getUnsignedShortLE(start + 2));
        if (ms == null) {
            return null;
        }
        VlsLayout layout = layout(ms);
        if (!layout.hasStrings) {
            return null;
        }
        int fixedEnd = fixedEnd(frame, layout);
        for (FieldSpec f : ms.fields()) {
            int at = layout.offset(f);
            if (!inFixedPart(f, at, fixedEnd)) {
                break;
            }
            if (f.kind() == WireKind.STRING) {
                String problem = slotProblem(frame, start, size, at, ms, f);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** Where the fixed part ends: BaseSize for a message with strings (their bytes follow it), else Size. */
    private static int fixedEnd(ByteBuf frame, VlsLayout layout) {
        int start = frame.readerIndex();
        int size = frame.readableBytes();
        if (!layout.hasStrings) {
            return size;
        }
        int baseSize = size >= VlsLayout.BASE_SIZE_OFFSET + 2 ? frame.getUnsignedShortLE(start + VlsLayout.BASE_SIZE_OFFSET) : 0;
        return Math.min(baseSize, size);
    }

    /** Whether the field (a string's Offset/Length slot) lies inside the fixed part: an older, shorter struct ends early. */
    private static boolean inFixedPart(FieldSpec f, int at, int fixedEnd) {
        return at + (f.kind() == WireKind.STRING ? VlsLayout.SLOT_SIZE : f.size()) <= fixedEnd;
    }

    private static String slotProblem(ByteBuf frame, int start, int size, int slot, MessageSpec ms, FieldSpec f) {
        int offset = frame.getUnsignedShortLE(start + slot);
        int length = frame.getUnsignedShortLE(start + slot + 2);
        return slotInside(offset, length, size) ? null : slotOutside(ms, f, offset, length, size);
    }

    private static boolean slotInside(int offset, int length, int size) {
        return length == 0 || offset >= VlsLayout.BASE_SIZE_OFFSET && offset + length <= size;
    }

    private static String slotOutside(MessageSpec ms, FieldSpec f, int offset, int length, int size) {
        return ms.name() + "." + f.name() + ": VLS string at Offset " + offset + " Length " + length
                + " (expected: inside the message's Size of " + size + " bytes)";
    }

    private static String readString(ByteBuf frame, int start, int size, int slot, MessageSpec ms, FieldSpec f) {
        int offset = frame.getUnsignedShortLE(start + slot);
        int length = frame.getUnsignedShortLE(start + slot + 2);
        if (!slotInside(offset, length, size)) {
            throw new DtcCodecException(slotOutside(ms, f, offset, length, size), false);
        }
        if (length == 0) {
            return "";
        }
        int limit = Math.min(length, MAX_STRING);
        int nul = frame.indexOf(start + offset, start + offset + limit, (byte) 0);
        return frame.toString(start + offset, nul < 0 ? limit : nul - start - offset, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void writeFrame(DtcMessage m, ByteBuf out) {
        MessageSpec ms = m.spec();
        VlsLayout layout = layout(ms);
        StringCapacity.check(m);
        int total = layout.baseSize;
        for (FieldSpec f : ms.fields()) {
            if (f.kind() == WireKind.STRING && !m.getString(f).isEmpty()) {
                total += m.getString(f).length() + 1;
            }
        }
        if (total > 0xFFFF) {
            throw new DtcCodecException(ms.name() + ": " + total + " bytes in VLS (expected: at most 65535)", false);
        }
        int start = out.writerIndex();
        out.ensureWritable(total);
        out.writeZero(layout.baseSize);
        out.setShortLE(start, total);
        out.setShortLE(start + 2, ms.type());
        if (layout.hasStrings) {
            out.setShortLE(start + VlsLayout.BASE_SIZE_OFFSET, layout.baseSize);
        }
        for (FieldSpec f : ms.fields()) {
            int at = start + layout.offset(f);
            if (f.kind() != WireKind.STRING) {
                BinaryFormat.writeFrom(out, at, f, m);
                continue;
            }
            String s = m.getString(f);
            if (!s.isEmpty()) {
                out.setShortLE(at, out.writerIndex() - start);
                out.setShortLE(at + 2, s.length() + 1);
                out.writeCharSequence(s, StandardCharsets.ISO_8859_1);
                out.writeByte(0);
            }
        }
    }
}
