package dev.dtcharness.protocol;

import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.List;

/** Messages with every field set to a value that differs from its default, derived from the spec. */
public final class MessageSamples {
    private MessageSamples() {
    }

    public static DtcMessage everyFieldSet(MessageSpec spec) {
        DtcMessage m = DtcMessage.of(spec);
        for (FieldSpec f : spec.fields()) {
            m.putRaw(f, sampleValue(f));
        }
        return m;
    }

    static Object sampleValue(FieldSpec f) {
        int n = f.index() + 1;
        if (f.kind() == WireKind.STRING) {
            String s = "v" + n + "-" + f.name();
            return s.substring(0, Math.min(s.length(), f.maxStringLength()));
        }
        if (f.enumSpec() != null) {
            List<Long> values = List.copyOf(f.enumSpec().values().values());
            long v = values.get(n % values.size());
            return v == (Long) f.defaultValue() ? values.get((n + 1) % values.size()) : v;
        }
        if (f.kind().isFloatingPoint()) {
            return n + 0.25;   // exact in float and double
        }
        return (long) Math.min(n + 1, f.kind().max());
    }
}
