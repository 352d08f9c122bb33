package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;

/** Refuses to send a string that does not fit its {@code char[N]}: truncating would change an order id. */
final class StringCapacity {
    private StringCapacity() {
    }

    /** Checks every string field that is set. */
    static void check(DtcMessage m) {
        for (FieldSpec f : m.spec().fields()) {
            if (f.kind() == WireKind.STRING) {
                Object v = m.rawValueAt(f);
                if (v != null) {
                    check(m, f, (String) v);
                }
            }
        }
    }

    /** Throws, naming the field, when {@code s} takes more ISO-8859-1 bytes than the field has room for. */
    static void check(DtcMessage m, FieldSpec f, String s) {
        // ISO-8859-1 never takes more bytes than chars: only a string with too many chars needs encoding to measure.
        if (s.length() <= f.maxStringLength()) {
            return;
        }
        int length = Latin1.encodedLength(s);
        if (length > f.maxStringLength()) {
            throw new DtcCodecException(m.name() + "." + f.name() + ": " + length + " characters (expected: at most "
                    + f.maxStringLength() + ", " + f.declaration() + " keeps one byte for the NUL)", false);
        }
    }
}
