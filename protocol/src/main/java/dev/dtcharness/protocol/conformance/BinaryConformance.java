package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.BinaryFormat;
import dev.dtcharness.protocol.codec.DtcCodecException;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.VlsFormat;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;

/** The binary part of the checker: header, size against the v8 struct, VLS BaseSize and string slots. */
final class BinaryConformance {
    private final DtcSpec spec;
    private final BinaryFormat binary;
    private final VlsFormat vls;

    BinaryConformance(DtcSpec spec) {
        this.spec = spec;
        this.binary = new BinaryFormat(spec);
        this.vls = new VlsFormat(spec);
    }

    /**
     * One message per type and thread to decode into: the checker reads each frame's message and lets it
     * go (findings keep only text), so every frame of every session need not make a new one.
     */
    private static final FastThreadLocal<DtcMessage[]> REUSABLE = new FastThreadLocal<>() {
        @Override
        protected DtcMessage[] initialValue() {
            return new DtcMessage[1024];
        }
    };

    private static DtcMessage reusable(MessageSpec ms) {
        DtcMessage[] byType = REUSABLE.get();
        int t = ms.type();
        if (t >= byType.length) {
            return null;
        }
        DtcMessage m = byType[t];
        if (m == null || m.spec() != ms) {
            m = DtcMessage.of(ms);
            byType[t] = m;
        }
        return m;
    }

    /** The frame's message, or null when it cannot be decoded or {@code decode} is false. */
    DtcMessage check(ByteBuf frame, List<Finding> findings, boolean variableLength, boolean decode) {
        int readable = frame.readableBytes();
        if (readable < DtcFraming.HEADER_SIZE) {
            findings.add(new Finding(Finding.Kind.MALFORMED, "binary frame", null, "at least the 4-byte header",
                    readable + " bytes", null));
            return null;
        }
        int start = frame.readerIndex();
        int size = frame.getUnsignedShortLE(start);
        int type = frame.getUnsignedShortLE(start + 2);
        if (size != readable) {
            findings.add(new Finding(Finding.Kind.SIZE_MISMATCH, "binary frame", "Size",
                    readable + ", the bytes in the frame", String.valueOf(size), null));
            return null;
        }
        MessageSpec ms = spec.messageOrNull(type);
        if (ms == null) {
            findings.add(JsonConformance.unknownType(type));
            return null;
        }
        int expected = variableLength ? vls.baseSize(ms) : ms.binarySize();
        int fixedPart = variableLength && vls.hasBaseSize(ms) && size >= 6 ? frame.getUnsignedShortLE(start + 4) : size;
        if (fixedPart != expected) {
            findings.add(new Finding(Finding.Kind.SIZE_MISMATCH, ms.label(), variableLength ? "BaseSize" : "Size",
                    expected + ", the DTC v8 struct (readers take shorter or longer ones by the versioning rules)",
                    String.valueOf(fixedPart), fixedPart < expected ? "the trailing fields read as their defaults"
                            : "the trailing bytes are ignored"));
        }
        if (!decode) {
            String problem = variableLength ? vls.slotProblem(frame) : null;
            if (problem != null) {
                findings.add(new Finding(Finding.Kind.MALFORMED, ms.label(), null, "a decodable message", problem, null));
            }
            return null;
        }
        try {
            return (DtcMessage) (variableLength ? vls.decode(frame) : binary.decode(frame, reusable(ms)));
        } catch (DtcCodecException e) {
            findings.add(new Finding(Finding.Kind.MALFORMED, ms.label(), null, "a decodable message", e.getMessage(), null));
            return null;
        }
    }

}
