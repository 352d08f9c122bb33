package dev.dtcharness.simulator.answers;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.List;

/**
 * What a client is told for a request type the simulator does not serve, and for one sent before logon:
 * the spec's refusal ({@link Refusals}) with the reason in words. A type that a LOGON_RESPONSE flag promises
 * names that flag, which the logon stated as 0: "no market data served here (LOGON_RESPONSE.MarketDataSupported
 * is 0)". Serving a type (market data, once the simulator has it) takes it out of here: the session hands
 * it to its handler instead, and {@link Capabilities} then states the flag as 1.
 */
public final class Unserved {
    /** Said before logon to every request but the session ones; "log on first" is what a client looks for. */
    public static final String LOG_ON_FIRST = "log on first: send LOGON_REQUEST and wait for LOGON_SUCCESS";

    private final Capabilities capabilities;
    private final Refusals refusals = Refusals.v8();

    public Unserved(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** The refusal of a request the simulator does not serve. */
    public List<DtcMessage> notServed(DtcMessage request, long nowMillis) {
        return refusals.refuse(request, reason(request.spec()), false, nowMillis);
    }

    /** The refusal of a request sent before the session logged on. */
    public List<DtcMessage> beforeLogon(DtcMessage request, long nowMillis) {
        return refusals.refuse(request, LOG_ON_FIRST, true, nowMillis);
    }

    /** Why {@code request} is not served, in at most the 95 characters of a RejectText. */
    String reason(MessageSpec request) {
        String flag = capabilities.flagPromising(request.name());
        if (flag != null && capabilities.value(flag) == 0) {
            return "no " + subject(flag) + " served here (LOGON_RESPONSE." + flag + " is 0)";
        }
        return request.label() + " is not served by this simulator";
    }

    /** "MarketDataSupported" and "MarketDepthIsSupported" say "market data" and "market depth". */
    private static String subject(String flag) {
        String words = flag.replace("IsSupported", "").replace("Supported", "");
        return words.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
