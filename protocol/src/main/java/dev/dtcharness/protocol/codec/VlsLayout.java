package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;

/**
 * Where each field sits in the VLS form of a message (DTCProtocolVLS.h): every {@code char[N]}
 * becomes a {@code struct {uint16 Offset; uint16 Length;}}, and a message with strings gains
 * {@code uint16 BaseSize} after Type. Offsets follow the header's {@code #pragma pack(8)} natural
 * alignment, which FACTS.md 1.2 confirms by compiling the header (s_LogonRequest 56 bytes,
 * s_OrderUpdate 216 with OrderStatus at 44).
 */
final class VlsLayout {
    static final int SLOT_SIZE = 4;
    static final int BASE_SIZE_OFFSET = 4;

    final boolean hasStrings;
    final int baseSize;
    private final int[] offsets;

    private VlsLayout(boolean hasStrings, int baseSize, int[] offsets) {
        this.hasStrings = hasStrings;
        this.baseSize = baseSize;
        this.offsets = offsets;
    }

    int offset(FieldSpec f) {
        return offsets[f.index()];
    }

    static VlsLayout of(MessageSpec spec) {
        boolean hasStrings = spec.fields().stream().anyMatch(f -> f.kind() == WireKind.STRING);
        if (!hasStrings) {
            // Messages without strings keep the fixed binary struct unchanged.
            int[] offsets = spec.fields().stream().mapToInt(FieldSpec::offset).toArray();
            return new VlsLayout(false, spec.binarySize(), offsets);
        }
        int[] offsets = new int[spec.fields().size()];
        int at = BASE_SIZE_OFFSET + 2;
        int maxAlign = 2;
        for (FieldSpec f : spec.fields()) {
            int size = f.kind() == WireKind.STRING ? SLOT_SIZE : f.kind().size();
            int align = f.kind() == WireKind.STRING ? 2 : Math.min(size, 8);
            at = alignUp(at, align);
            offsets[f.index()] = at;
            at += size;
            maxAlign = Math.max(maxAlign, align);
        }
        return new VlsLayout(true, alignUp(at, maxAlign), offsets);
    }

    private static int alignUp(int at, int align) {
        return (at + align - 1) / align * align;
    }
}
