package dev.dtcharness.simulator.answers;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the spec's refusal of any request (see {@link RefusalShape} for how the reply type is found):
 * the reply echoes the request's ids (RequestID, SymbolID, ClientOrderID, ServerOrderID, Symbol, Exchange,
 * TradeAccount), so the client can tell what was refused, and says why in its text field. One mechanism
 * for every case: a request before logon, a type the simulator does not serve.
 */
public final class Refusals {
    private static final Refusals V8 = new Refusals(DtcSpec.v8());

    private final DtcSpec spec;
    private final Map<MessageSpec, RefusalShape> shapes = new ConcurrentHashMap<>();

    Refusals(DtcSpec spec) {
        this.spec = spec;
    }

    public static Refusals v8() {
        return V8;
    }

    /** The name of the message that refuses {@code request}: ORDER_UPDATE, MARKET_DATA_REJECT, GENERAL_LOG_MESSAGE... */
    public String replyName(MessageSpec request) {
        return shape(request).reply().name();
    }

    /**
     * The refusal of {@code request}, one message per order it stands for (two for an OCO pair).
     *
     * @param why        the reason, in plain words; a GENERAL_LOG_MESSAGE starts with the request's name and type
     * @param retryLater whether the same request may succeed later (sent before logon), for replies that
     *                   say so (HISTORICAL_PRICE_DATA_REJECT.RejectReasonCode)
     */
    public List<DtcMessage> refuse(DtcMessage request, String why, boolean retryLater, long nowMillis) {
        RefusalShape shape = shape(request.spec());
        String label = request.spec().label();
        String text = shape.isLogMessage() && !why.startsWith(label) ? label + ": " + why : why;
        List<DtcMessage> replies = new ArrayList<>(shape.legs().size());
        for (String leg : shape.legs()) {
            DtcMessage reply = DtcMessage.of(shape.reply());
            for (FieldSpec id : shape.ids()) {
                FieldSpec from = request.spec().fieldOrNull(id.name() + leg);
                copy(request, from != null ? from : request.spec().fieldOrNull(id.name()), reply, id);
            }
            reply.set(shape.text(), fit(shape.text(), text));
            if (shape.orderReason() != null) {
                orderUpdate(reply, shape.orderReason(), nowMillis);
            }
            set(reply, "IsError", 1);
            setEnum(reply, "RejectReasonCode", retryLater ? "HPDR_GENERAL_REJECT_ERROR"
                    : "HPDR_UNABLE_TO_SERVE_DATA_DO_NOT_RETRY");
            replies.add(reply);
        }
        return replies;
    }

    /** A GENERAL_LOG_MESSAGE with this text, cut to its capacity: for what has no message to refuse. */
    public DtcMessage logMessage(String text) {
        FieldSpec f = spec.message(RefusalShape.LOG_MESSAGE).field("MessageText");
        return DtcMessage.of(spec.message(RefusalShape.LOG_MESSAGE)).set(f, fit(f, text));
    }

    private RefusalShape shape(MessageSpec request) {
        return shapes.computeIfAbsent(request, r -> RefusalShape.of(r, spec));
    }

    /**
     * The fields a reject ORDER_UPDATE needs (FACTS.md 3.1, 3.2 I): one message of one, the reason, and the
     * status: REJECTED for a new order; for a cancel or replace UNSPECIFIED, since the order it names was not
     * looked at (a working order must not read as REJECTED because a cancel of it was refused, AUDIT A04).
     */
    private static void orderUpdate(DtcMessage m, String reason, long nowMillis) {
        m.set("RequestID", 0).set("TotalNumMessages", 1).set("MessageNumber", 1)
                .setEnum("OrderUpdateReason", reason)
                .setEnum("OrderStatus", reason.equals("NEW_ORDER_REJECTED") ? "ORDER_STATUS_REJECTED"
                        : "ORDER_STATUS_UNSPECIFIED")
                .set("LatestTransactionDateTime", DtcTimes.withMilliseconds(nowMillis));
    }

    private static void copy(DtcMessage request, FieldSpec from, DtcMessage reply, FieldSpec to) {
        if (from == null || !request.isSet(from)) {
            return;
        }
        if (to.kind() == WireKind.STRING) {
            reply.set(to, fit(to, request.getString(from)));
        } else if (from.kind() != WireKind.STRING && !from.kind().isFloatingPoint() && !to.kind().isFloatingPoint()) {
            long value = request.getLong(from);
            if (value >= to.kind().min() && value <= to.kind().max()) {
                reply.set(to, value);
            }
        }
    }

    private static void set(DtcMessage m, String field, long value) {
        FieldSpec f = m.spec().fieldOrNull(field);
        if (f != null) {
            m.set(f, value);
        }
    }

    private static void setEnum(DtcMessage m, String field, String constant) {
        FieldSpec f = m.spec().fieldOrNull(field);
        if (f != null && f.enumSpec() != null && f.enumSpec().values().containsKey(constant)) {
            m.set(f, f.enumSpec().valueOf(constant));
        }
    }

    private static String fit(FieldSpec f, String value) {
        return value.length() <= f.maxStringLength() ? value : value.substring(0, f.maxStringLength());
    }
}
