package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last guard on everything the exchange sends: no message carries NaN or an infinity (nor a
 * float field's value beyond what a float holds, which the binary encoding would turn into one).
 * Values are judged on the way in ({@link MarketValues}), so this never trips unless a new path
 * forgot to; if it does, the message is not sent and an ERROR names the message and the field, so
 * the path is found rather than a client told "-Infinity". It sits in the exchange's one send path,
 * where every order, position, balance and fill message passes; the session's own messages (logon,
 * heartbeat) carry no market values.
 */
final class OutboundNumbers {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundNumbers.class);

    private OutboundNumbers() {
    }

    /** Whether {@code m} may go to {@code to}; false (and an ERROR) when a number in it is not finite. */
    static boolean finite(MessageView m, SessionLink to) {
        FieldSpec bad = firstNonFinite(m);
        if (bad == null) {
            return true;
        }
        LOG.error("{}: not sent: {} would carry {} = {}, not a finite number (a value that skipped the exchange's "
                + "checks; the message is dropped, the state is kept): {}", to.label(), m.spec().label(), bad.name(),
                m.getDouble(bad), m);
        return false;
    }

    /** The first floating-point field of {@code m} whose value is not finite on the wire, or null. */
    static FieldSpec firstNonFinite(MessageView m) {
        List<FieldSpec> fields = m.spec().fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            FieldSpec f = fields.get(i);
            WireKind kind = f.kind();
            if (kind.isFloatingPoint() && m.isSet(f)) {
                double v = m.getDouble(f);
                if (!Double.isFinite(v) || (kind == WireKind.FLOAT && Math.abs(v) > Float.MAX_VALUE)) {
                    return f;
                }
            }
        }
        return null;
    }
}
