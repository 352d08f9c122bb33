package dev.dtcharness.simulator.session;

import dev.dtcharness.simulator.answers.Capabilities;
import dev.dtcharness.simulator.answers.Unserved;
import java.util.Set;

/**
 * The request types the simulator answers as what they are: the session's own, the trading requests
 * the exchange takes once a session is logged on, and security definitions from the instrument table. Every other type a client may send is refused the way
 * the spec allows ({@link Unserved}), and the LOGON_RESPONSE flags follow this list ({@link Capabilities}).
 */
final class ServedTypes {
    static final Set<String> SESSION = Set.of("ENCODING_REQUEST", "LOGON_REQUEST", "HEARTBEAT", "LOGOFF");
    static final Set<String> TRADING = Set.of("SUBMIT_NEW_SINGLE_ORDER", "SUBMIT_NEW_OCO_ORDER",
            "SUBMIT_FLATTEN_POSITION_ORDER", "CANCEL_ORDER", "CANCEL_REPLACE_ORDER", "OPEN_ORDERS_REQUEST",
            "HISTORICAL_ORDER_FILLS_REQUEST", "CURRENT_POSITIONS_REQUEST", "TRADE_ACCOUNTS_REQUEST",
            "ACCOUNT_BALANCE_REQUEST");
    /** Answered by the session itself from the configured instrument table, once logged on. */
    static final Set<String> DEFINITIONS = Set.of("SECURITY_DEFINITION_FOR_SYMBOL_REQUEST");

    static final Capabilities CAPABILITIES = new Capabilities(ServedTypes::serves);
    static final Unserved UNSERVED = new Unserved(CAPABILITIES);

    private ServedTypes() {
    }

    static boolean serves(String requestName) {
        return SESSION.contains(requestName) || TRADING.contains(requestName) || DEFINITIONS.contains(requestName);
    }
}
