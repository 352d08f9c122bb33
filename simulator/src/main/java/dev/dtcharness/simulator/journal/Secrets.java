package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret fields of each message type (LOGON_REQUEST's Password), found once from the spec: the
 * journal keeps such a message only with its secrets masked, since tests, failure messages and the
 * admin API all read the journal.
 */
final class Secrets {
    private static final FieldSpec[] NONE = {};
    private static final Map<MessageSpec, FieldSpec[]> BY_SPEC = new ConcurrentHashMap<>();

    private Secrets() {
    }

    /** Whether {@code m} carries a secret that is set. */
    static boolean carried(MessageView m) {
        for (FieldSpec f : of(m.spec())) {
            if (m.isSet(f)) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@link DtcMessage#MASK} over every secret of {@code m} that is set; returns {@code m}. */
    static DtcMessage mask(DtcMessage m) {
        for (FieldSpec f : of(m.spec())) {
            if (m.isSet(f)) {
                if (f.kind() == WireKind.STRING) {
                    m.set(f, DtcMessage.MASK);
                } else {
                    m.set(f, (String) null);
                }
            }
        }
        return m;
    }

    private static FieldSpec[] of(MessageSpec spec) {
        return BY_SPEC.computeIfAbsent(spec, s -> {
            FieldSpec[] found = s.fields().stream().filter(FieldSpec::secret).toArray(FieldSpec[]::new);
            return found.length == 0 ? NONE : found;
        });
    }
}
