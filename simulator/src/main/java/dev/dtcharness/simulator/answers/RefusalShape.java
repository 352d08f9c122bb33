package dev.dtcharness.simulator.answers;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How DTC v8 lets a server refuse one request type, worked out from the spec data rather than listed:
 *
 * <ol>
 *   <li>an order-entry message (it carries a ClientOrderID) is refused by an ORDER_UPDATE whose
 *       OrderUpdateReason the spec's enum names after it: SUBMIT_* gets NEW_ORDER_REJECTED, CANCEL_ORDER
 *       ORDER_CANCEL_REJECTED, CANCEL_REPLACE_ORDER ORDER_CANCEL_REPLACE_REJECTED (FACTS.md 3.2 F, H, I);</li>
 *   <li>X_REQUEST (or X) is refused by X_REJECT, else by the reject named after the longest leading words
 *       of X, at least two (SECURITY_DEFINITION_FOR_SYMBOL_REQUEST: SECURITY_DEFINITION_REJECT);</li>
 *   <li>VERB_X is answered by X_RESPONSE when that has an IsError flag (ADD_CORRECTING_ORDER_FILL:
 *       CORRECTING_ORDER_FILL_RESPONSE with IsError 1);</li>
 *   <li>a request carrying the ids of the only reject among the types of its hundred (DTC numbers its
 *       messages by subject: 500 to 509 symbol discovery) is refused by that one: EXCHANGE_LIST_REQUEST,
 *       SYMBOLS_FOR_EXCHANGE_REQUEST, SYMBOL_SEARCH_REQUEST and the like get SECURITY_DEFINITION_REJECT
 *       (FACTS.md 7.1: "N x 507 ... or one 509");</li>
 *   <li>anything else has no reject in the spec (TRADE_ACCOUNTS_REQUEST, FACTS.md 3.6; JOURNAL_ENTRY_ADD):
 *       a GENERAL_LOG_MESSAGE naming the request.</li>
 * </ol>
 *
 * @param reply       the message that carries the refusal
 * @param text        its field for the reason (RejectText, InfoText, ResultText or MessageText)
 * @param orderReason for an ORDER_UPDATE, the OrderUpdateReason constant; else null
 * @param legs        field-name suffixes of a request that stands for several orders ("_1", "_2" of an OCO
 *                    pair): one reply per leg, each with that leg's ids; a single empty suffix otherwise
 * @param ids         the reply's fields that identify what it answers and that the request has too
 *                    (RequestID, SymbolID, ClientOrderID, ServerOrderID, Symbol, Exchange, TradeAccount)
 */
record RefusalShape(MessageSpec request, MessageSpec reply, FieldSpec text, String orderReason, List<String> legs,
                    List<FieldSpec> ids) {
    static final String LOG_MESSAGE = "GENERAL_LOG_MESSAGE";
    private static final List<String> TEXT_FIELDS = List.of("RejectText", "InfoText", "ResultText", "MessageText");
    private static final Set<String> NAMED_IDS = Set.of("Symbol", "Exchange", "TradeAccount");

    /** Whether the reply is only a GENERAL_LOG_MESSAGE (the spec has no reject for the request). */
    boolean isLogMessage() {
        return reply.name().equals(LOG_MESSAGE);
    }

    static RefusalShape of(MessageSpec request, DtcSpec spec) {
        String reason = orderRejectReason(request, spec);
        MessageSpec reply = reason != null ? spec.message("ORDER_UPDATE") : rejectByName(request, spec);
        if (reply == null) {
            reply = errorResponse(request, spec);
        }
        if (reply == null) {
            reply = onlyRejectOfItsHundred(request, spec);
        }
        if (reply == null) {
            reply = spec.message(LOG_MESSAGE);
        }
        List<String> legs = legs(request, reply);
        return new RefusalShape(request, reply, textField(reply), reason, legs, ids(request, reply, legs));
    }

    private static String orderRejectReason(MessageSpec request, DtcSpec spec) {
        if (request.fieldOrNull("ClientOrderID") == null && request.fieldOrNull("ClientOrderID_1") == null) {
            return null;
        }
        String n = request.name();
        String reason = n.startsWith("SUBMIT_") ? "NEW_ORDER_REJECTED"
                : n.endsWith("_ORDER") ? "ORDER_" + n.substring(0, n.length() - "_ORDER".length()) + "_REJECTED" : null;
        return reason != null && spec.enumeration("OrderUpdateReasonEnum").values().containsKey(reason) ? reason : null;
    }

    private static MessageSpec rejectByName(MessageSpec request, DtcSpec spec) {
        String base = request.name().endsWith("_REQUEST")
                ? request.name().substring(0, request.name().length() - "_REQUEST".length()) : request.name();
        List<String> words = List.of(base.split("_"));
        for (int n = words.size(); n >= 2; n--) {
            MessageSpec reject = bodyOrNull(spec, String.join("_", words.subList(0, n)) + "_REJECT");
            if (reject != null) {
                return reject;
            }
        }
        return null;
    }

    private static MessageSpec errorResponse(MessageSpec request, DtcSpec spec) {
        int verb = request.name().indexOf('_');
        MessageSpec response = verb < 0 ? null : bodyOrNull(spec, request.name().substring(verb + 1) + "_RESPONSE");
        return response != null && response.fieldOrNull("IsError") != null ? response : null;
    }

    private static MessageSpec onlyRejectOfItsHundred(MessageSpec request, DtcSpec spec) {
        List<MessageSpec> rejects = spec.messages().stream()
                .filter(m -> m.type() / 100 == request.type() / 100 && m.name().endsWith("_REJECT")).toList();
        if (rejects.size() != 1) {
            return null;
        }
        MessageSpec reject = rejects.get(0);
        boolean sharesIds = reject.fields().stream().filter(RefusalShape::identifies)
                .allMatch(f -> request.fieldOrNull(f.name()) != null);
        return sharesIds ? reject : null;
    }

    private static MessageSpec bodyOrNull(DtcSpec spec, String name) {
        return spec.messages().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    private static FieldSpec textField(MessageSpec reply) {
        for (String name : TEXT_FIELDS) {
            FieldSpec f = reply.fieldOrNull(name);
            if (f != null) {
                return f;
            }
        }
        throw new IllegalStateException(reply.label() + " has none of the text fields " + TEXT_FIELDS);
    }

    private static boolean identifies(FieldSpec f) {
        return f.name().endsWith("ID") || NAMED_IDS.contains(f.name());
    }

    /** "_1", "_2" when the request has the reply's ids only with those suffixes (SUBMIT_NEW_OCO_ORDER). */
    private static List<String> legs(MessageSpec request, MessageSpec reply) {
        Set<String> suffixes = new LinkedHashSet<>();
        for (FieldSpec f : reply.fields()) {
            if (identifies(f) && request.fieldOrNull(f.name()) == null) {
                for (FieldSpec r : request.fields()) {
                    String n = r.name();
                    if (n.startsWith(f.name() + "_") && n.substring(f.name().length() + 1).chars().allMatch(Character::isDigit)) {
                        suffixes.add(n.substring(f.name().length()));
                    }
                }
            }
        }
        return suffixes.isEmpty() ? List.of("") : List.copyOf(suffixes);
    }

    private static List<FieldSpec> ids(MessageSpec request, MessageSpec reply, List<String> legs) {
        List<FieldSpec> ids = new ArrayList<>();
        for (FieldSpec f : reply.fields()) {
            if (identifies(f) && (request.fieldOrNull(f.name()) != null
                    || legs.stream().anyMatch(leg -> !leg.isEmpty() && request.fieldOrNull(f.name() + leg) != null))) {
                ids.add(f);
            }
        }
        return List.copyOf(ids);
    }
}
