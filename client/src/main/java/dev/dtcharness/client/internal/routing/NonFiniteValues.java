package dev.dtcharness.client.internal.routing;

import dev.dtcharness.client.ProtocolViolation;
import dev.dtcharness.client.ProblemCounter;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.HistoricalOrderFillResponse;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.PositionUpdate;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door every inbound message passes before any reader: a floating-point field holding NaN or an
 * infinity (binary bits, or a JSON number such as 1e400 that overflows a double) is a value no market
 * has. It is named in one line with the message's order and counted as a protocol violation, then
 * unset, so the book, the positions, the history and every listener read it as "not set". DBL_MAX,
 * DTC's own "not set", is finite and passes. Normal messages cost one loop over their number fields,
 * with no allocation.
 */
public final class NonFiniteValues {
    private static final Logger log = LoggerFactory.getLogger(NonFiniteValues.class);
    private static final DtcSpec SPEC = DtcSpec.v8();
    private static final MessageSpec ORDER_UPDATE = OrderUpdate.SPEC;
    private static final MessageSpec POSITION_UPDATE = PositionUpdate.SPEC;
    private static final MessageSpec HISTORICAL_FILL = HistoricalOrderFillResponse.SPEC;
    private static final FieldSpec REASON = OrderUpdate.ORDER_UPDATE_REASON;
    private static final FieldSpec EXECUTION_ID = OrderUpdate.LAST_FILL_EXECUTION_ID;
    private static final long FILLED = OrderUpdateReason.ORDER_FILLED.value();
    private static final long FILLED_PARTIALLY = OrderUpdateReason.ORDER_FILLED_PARTIALLY.value();
    private static final FieldSpec NO_ORDER_FILLS = HistoricalOrderFillResponse.NO_ORDER_FILLS;
    private static final String[] WHOSE = {"Symbol", "TradeAccount", "LastFillExecutionID", "UniqueExecutionID"};

    /** Per message type: its floating-point fields, in spec order (bit i of a mask is field i). */
    private static final FieldSpec[][] NUMBERS;
    /** Per message type: the fields a fill's price and quantity are read from; one of them refused, no fill is counted. */
    private static final long[] FILL_FIELDS;
    private static final FieldSpec LAST_PRICE = OrderUpdate.LAST_FILL_PRICE;
    private static final FieldSpec LAST_QUANTITY = OrderUpdate.LAST_FILL_QUANTITY;
    /** ORDER_UPDATE's fallbacks: AverageFillPrice for a missing LastFillPrice, FilledQuantity for a missing LastFillQuantity. */
    private static final long AVERAGE_BIT = bit(ORDER_UPDATE, "AverageFillPrice");
    private static final long FILLED_BIT = bit(ORDER_UPDATE, "FilledQuantity");

    static {
        int types = SPEC.messages().stream().mapToInt(MessageSpec::type).max().orElse(-1) + 1;
        NUMBERS = new FieldSpec[types][];
        FILL_FIELDS = new long[types];
        for (MessageSpec m : SPEC.messages()) {
            List<FieldSpec> numbers = m.fields().stream().filter(f -> f.kind().isFloatingPoint()).limit(64).toList();
            NUMBERS[m.type()] = numbers.toArray(FieldSpec[]::new);
            List<String> fill = m == ORDER_UPDATE
                    ? List.of("LastFillPrice", "LastFillQuantity", "AverageFillPrice", "FilledQuantity")
                    : m == HISTORICAL_FILL ? List.of("Price", "Quantity") : List.of();
            for (int i = 0; i < numbers.size(); i++) {
                if (fill.contains(numbers.get(i).name())) {
                    FILL_FIELDS[m.type()] |= 1L << i;
                }
            }
        }
    }

    private final ProblemCounter problems;

    public NonFiniteValues(ProblemCounter problems) {
        this.problems = problems;
    }

    /**
     * Names, counts and unsets the message's non-finite values; returns which were refused (a mask
     * for {@link #fillRefused}), 0 for nearly every message.
     */
    public long refuse(DtcMessage m) {
        FieldSpec[] numbers = m.type() < NUMBERS.length ? NUMBERS[m.type()] : null;
        if (numbers == null) {
            return 0;
        }
        long refused = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (!Double.isFinite(m.doubleIfSet(numbers[i], 0))) {
                refused |= 1L << i;
            }
        }
        if (refused != 0) {
            report(m, numbers, refused);
        }
        return refused;
    }

    /**
     * Whether what {@link #refuse} refused includes a field the message's fill is read from. For an
     * ORDER_UPDATE the average and the cumulative quantity count only when the fill's own LastFillPrice or
     * LastFillQuantity is missing, since only then are they read for it.
     */
    public static boolean fillRefused(DtcMessage m, long refused) {
        if (m.type() >= FILL_FIELDS.length || (FILL_FIELDS[m.type()] & refused) == 0) {
            return false;
        }
        if (m.spec() != ORDER_UPDATE) {
            return true;
        }
        long own = refused & ~(AVERAGE_BIT | FILLED_BIT);
        return (FILL_FIELDS[m.type()] & own) != 0 || ((refused & AVERAGE_BIT) != 0 && !usable(m, LAST_PRICE))
                || ((refused & FILLED_BIT) != 0 && !usable(m, LAST_QUANTITY));
    }

    /** A field's bit in its message's masks: its place among the message's floating-point fields. */
    private static long bit(MessageSpec m, String name) {
        List<FieldSpec> numbers = m.fields().stream().filter(f -> f.kind().isFloatingPoint()).toList();
        for (int i = 0; i < numbers.size() && i < 64; i++) {
            if (numbers.get(i).name().equals(name)) {
                return 1L << i;
            }
        }
        throw new IllegalStateException(m.name() + " has no number field " + name);
    }

    /** Set to a real value: not unset, not DBL_MAX ("not set" in binary), finite. */
    private static boolean usable(DtcMessage m, FieldSpec f) {
        double v = m.doubleIfSet(f, Double.NaN);
        return Double.isFinite(v) && v != Double.MAX_VALUE;
    }

    /** Whether the message is dropped whole when refused: a position is the server's whole word, not a field of it. */
    public static boolean refusedWhole(DtcMessage m, long refused) {
        return refused != 0 && m.spec() == POSITION_UPDATE;
    }

    /** "order C1/S1 (ES, SIM1, LastFillExecutionID E1)": the ids a message carries, for a line an operator can act on. */
    public static String whose(DtcMessage m) {
        MessageSpec spec = m.spec();
        StringBuilder s = new StringBuilder();
        if (spec.fieldOrNull("ClientOrderID") != null || spec.fieldOrNull("ServerOrderID") != null) {
            s.append("order ").append(text(m, "ClientOrderID")).append('/').append(text(m, "ServerOrderID"));
        }
        List<String> more = new ArrayList<>();
        for (String name : WHOSE) {
            if (spec.fieldOrNull(name) != null && !m.getString(name).isEmpty()) {
                more.add(name.endsWith("ExecutionID") ? "execution " + m.getString(name) : m.getString(name));
            }
        }
        if (!more.isEmpty()) {
            s.append(s.length() > 0 ? " (" + String.join(", ", more) + ")" : String.join(", ", more));
        }
        return s.length() > 0 ? s.toString() : "the server";
    }

    private void report(DtcMessage m, FieldSpec[] numbers, long refused) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            if ((refused & (1L << i)) != 0) {
                values.add(numbers[i].name() + "=" + m.doubleIfSet(numbers[i], 0));
            }
        }
        String whose = whose(m);
        boolean fill = fillRefused(m, refused) && reportsFill(m);
        String consequence = refusedWhole(m, refused) ? "the whole update is refused: the position stays as the server last reported it"
                : fill ? "refused (read as not set); the fill it reports is not counted: no fill listener, history row or position sees it"
                : "refused (read as not set)";
        for (int i = 0; i < numbers.length; i++) {
            if ((refused & (1L << i)) != 0) {
                m.set(numbers[i], (String) null);
            }
        }
        // An unseen fill may mean a wrong position: worth an operator's attention, hence ERROR.
        problems.violation(log, ProtocolViolation.NON_FINITE_VALUE, fill, "{} for {} carries {}: {}", m.name(), whose,
                String.join(", ", values), consequence);
    }

    /** Whether the message reports a fill: a fills answer's entry, or an ORDER_UPDATE with a fill reason or execution id. */
    public static boolean reportsFill(DtcMessage m) {
        if (m.spec() == HISTORICAL_FILL) {
            return !(m.isSet(NO_ORDER_FILLS) && m.getLong(NO_ORDER_FILLS) != 0);
        }
        if (m.spec() != ORDER_UPDATE) {
            return false;
        }
        long reason = m.longIfSet(REASON, 0);
        return reason == FILLED || reason == FILLED_PARTIALLY || !m.stringIfSet(EXECUTION_ID, "").isEmpty();
    }

    private static String text(DtcMessage m, String field) {
        String v = m.spec().fieldOrNull(field) == null ? "" : m.getString(field);
        return v.isEmpty() ? "-" : v;
    }
}
