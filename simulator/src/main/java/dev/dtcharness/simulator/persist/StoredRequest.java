package dev.dtcharness.simulator.persist;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import dev.dtcharness.simulator.exchange.StoredOrder;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order's request read back as the writer took it from the message: each value typed by its
 * field in the spec, not by how JSON spells it. The writer holds Long, Double and String values;
 * Jackson writes a non-finite double as the text "Infinity", "-Infinity" or "NaN" and reads small
 * integers back as Integer, so an untyped read would hand replay text where a number belongs.
 */
final class StoredRequest {
    private StoredRequest() {
    }

    /** The order with its request retyped; throws IllegalArgumentException naming the field that cannot be. */
    static StoredOrder typed(StoredOrder order) {
        MessageSpec spec = messageSpec(order.requestName());
        Map<String, Object> typed = new LinkedHashMap<>();
        order.request().forEach((name, value) -> {
            FieldSpec f = spec.fieldOrNull(name);
            if (f == null) {
                throw new IllegalArgumentException(spec.name() + " has no field " + name);
            }
            if (value != null) {
                typed.put(name, typed(spec, f, value));
            }
        });
        return new StoredOrder(order.requestName(), typed, order.serverOrderId(), order.previousServerOrderId(),
                order.ocoLinked(), order.partialFillHandling(), order.quantity(), order.price1(), order.price2(),
                order.timeInForce(), order.filled(), order.averagePrice(), order.status(), order.receivedMillis());
    }

    private static MessageSpec messageSpec(String name) {
        try {
            return DtcSpec.v8().message(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its request \"" + name + "\" is no DTC v8 message");
        }
    }

    private static Object typed(MessageSpec spec, FieldSpec f, Object value) {
        WireKind kind = f.kind();
        if (kind == WireKind.STRING) {
            if (value instanceof String) {
                return value;
            }
        } else if (kind.isFloatingPoint()) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value instanceof String text && (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"))) {
                return Double.valueOf(text);
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (kind == WireKind.UINT64 && value instanceof BigInteger big && big.signum() >= 0 && big.bitLength() <= 64) {
            // Written as the signed long the message holds; a hand-written file may spell it unsigned.
            return big.longValue();
        }
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        throw new IllegalArgumentException(spec.name() + "." + f.name() + " is " + shown + " (expected: " + f.ctype()
                + (kind == WireKind.STRING ? " text)" : " number)"));
    }
}
