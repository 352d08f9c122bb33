package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.nio.charset.StandardCharsets;

/** Refuses to send a string that does not fit its {@code char[N]}: truncating would change an order id. */
final class StringCapacity {
    private StringCapacity() {
    }

    static void check(DtcMessage m) {
        for (FieldSpec f : m.spec().fields()) {
            if (f.kind() != WireKind.STRING) {
                continue;
            }
            Object v = m.rawValueAt(f);
            int length = v == null ? 0 : ((String) v).getBytes(StandardCharsets.ISO_8859_1).length;
            if (length > f.maxStringLength()) {
                throw new DtcCodecException(m.name() + "." + f.name() + ": " + length + " characters (expected: at most "
                        + f.maxStringLength() + ", " + f.declaration() + " keeps one byte for the NUL)", false);
            }
        }
    }
}
