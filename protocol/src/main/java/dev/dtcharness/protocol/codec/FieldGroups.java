package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's fields sorted by wire kind, worked out once per message type, so the binary codec
 * runs one branch-free loop per kind over a whole message instead of dispatching on every field.
 */
final class FieldGroups {
    final MessageSpec spec;
    /** Where the last field ends: a frame at least this long holds every field. */
    final int fieldsEnd;
    final FieldSpec[] int8, uint8, int16, uint16, int32, uint32, int64, float32, float64, strings;

    private FieldGroups(MessageSpec spec) {
        this.spec = spec;
        List<List<FieldSpec>> byKind = new ArrayList<>();
        for (int i = 0; i < WireKind.values().length; i++) {
            byKind.add(new ArrayList<>());
        }
        int end = 0;
        for (FieldSpec f : spec.fields()) {
            WireKind k = f.kind() == WireKind.UINT64 ? WireKind.INT64 : f.kind();
            byKind.get(k.ordinal()).add(f);
            end = Math.max(end, f.offset() + f.size());
        }
        this.fieldsEnd = end;
        int8 = group(byKind, WireKind.INT8);
        uint8 = group(byKind, WireKind.UINT8);
        int16 = group(byKind, WireKind.INT16);
        uint16 = group(byKind, WireKind.UINT16);
        int32 = group(byKind, WireKind.INT32);
        uint32 = group(byKind, WireKind.UINT32);
        int64 = group(byKind, WireKind.INT64);
        float32 = group(byKind, WireKind.FLOAT);
        float64 = group(byKind, WireKind.DOUBLE);
        strings = group(byKind, WireKind.STRING);
    }

    private static FieldSpec[] group(List<List<FieldSpec>> byKind, WireKind kind) {
        return byKind.get(kind.ordinal()).toArray(new FieldSpec[0]);
    }

    /** One entry per message type of the given specs, indexed by type number. */
    static FieldGroups[] index(Iterable<MessageSpec> messages) {
        int max = -1;
        for (MessageSpec m : messages) {
            max = Math.max(max, m.type());
        }
        FieldGroups[] byType = new FieldGroups[max + 1];
        for (MessageSpec m : messages) {
            byType[m.type()] = new FieldGroups(m);
        }
        return byType;
    }

    /** The groups for exactly this message spec, or null (a spec from elsewhere takes the general path). */
    static FieldGroups of(FieldGroups[] byType, MessageSpec m) {
        int t = m.type();
        FieldGroups g = t >= 0 && t < byType.length ? byType[t] : null;
        return g != null && g.spec == m ? g : null;
    }
}
