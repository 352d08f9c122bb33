package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.spec.DtcSpec;
import java.util.Map;

/**
 * Mistakes seen again and again in public DTC clients and notes (FACTS.md section 4), with the
 * intent they usually hide. Type numbers here are looked up in the spec, never typed.
 */
final class KnownConfusions {
    private static final DtcSpec SPEC = DtcSpec.v8();

    /** Client-sent types people use for something else, and what they meant. */
    private static final Map<String, String> MEANT = Map.of(
            "OPEN_ORDERS_REQUEST", "to submit an order send SUBMIT_NEW_SINGLE_ORDER (" + type("SUBMIT_NEW_SINGLE_ORDER") + ")",
            "OPEN_ORDERS_REJECT", "to cancel an order send CANCEL_ORDER (" + type("CANCEL_ORDER")
                    + "), to modify it CANCEL_REPLACE_ORDER (" + type("CANCEL_REPLACE_ORDER") + ")");

    private KnownConfusions() {
    }

    /** The likely intent when a client sends this message with fields it does not have, or null. */
    static String intentOf(String messageName) {
        String meant = MEANT.get(messageName);
        return meant == null ? null
                : "type " + type(messageName) + " is " + messageName + "; " + meant;
    }

    /** The likely intent behind a type number DTC v8 does not define, or null. */
    static String intentOfUnknownType(int type) {
        if (type == 0) {
            return "ENCODING_REQUEST is type " + type("ENCODING_REQUEST");
        }
        return null;
    }

    static int type(String name) {
        return SPEC.typeOf(name);
    }
}
