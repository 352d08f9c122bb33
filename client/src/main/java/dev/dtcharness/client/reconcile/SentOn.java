package dev.dtcharness.client.reconcile;

import dev.dtcharness.protocol.DtcMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which connection each new order was written on. Only an order written on a connection that has
 * since dropped can be judged by the next reconciliation: one written on the new connection may
 * reach the server after its OPEN_ORDERS_REQUEST, and be working without being listed.
 */
final class SentOn {
    private final Map<String, Object> connectionByClientOrderId = new ConcurrentHashMap<>();

    /** Notes the ClientOrderIDs of a new-order message (208, 201, 209) written on {@code connection}. */
    void written(DtcMessage m, Object connection) {
        for (String field : idFields(m)) {
            String id = m.getString(field);
            if (!id.isEmpty()) {
                connectionByClientOrderId.put(id, connection);
            }
        }
    }

    /** The orders written on any connection other than {@code current}. */
    Set<String> before(Object current) {
        return connectionByClientOrderId.entrySet().stream().filter(e -> e.getValue() != current)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Forgets an order once it has an answer (or an end), so the map holds only orders in doubt. */
    void answered(String clientOrderId) {
        connectionByClientOrderId.remove(clientOrderId);
    }

    private static final List<String> SINGLE = List.of("ClientOrderID");
    private static final List<String> OCO = List.of("ClientOrderID_1", "ClientOrderID_2");

    /** Every message written passes here: constant lists, nothing built per message. */
    private static List<String> idFields(DtcMessage m) {
        if (m.is("SUBMIT_NEW_SINGLE_ORDER") || m.is("SUBMIT_FLATTEN_POSITION_ORDER")) {
            return SINGLE;
        }
        return m.is("SUBMIT_NEW_OCO_ORDER") ? OCO : List.of();
    }
}
