package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists every way one inbound frame breaks DTC v8, in plain words: unknown type or field, wrong
 * JSON type, enum value outside its enum, string over capacity, binary size mismatch, wrong
 * direction, sent before logon, and the well-known confusions (300 used to place orders, 302 to
 * cancel, OrderStatus 3 taken for filled). Never throws on bad input; never keeps the frame.
 */
public final class ConformanceChecker {
    private static final Set<String> BEFORE_LOGON_OK = Set.of("ENCODING_REQUEST", "ENCODING_RESPONSE",
            "LOGON_REQUEST", "LOGON_RESPONSE", "HEARTBEAT", "LOGOFF");

    private static final FastThreadLocal<List<Finding>> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected List<Finding> initialValue() {
            return new ArrayList<>();
        }
    };

    private final DtcSpec spec;
    private final JsonConformance json;
    private final BinaryConformance binary;

    public ConformanceChecker(DtcSpec spec) {
        this.spec = spec;
        this.json = new JsonConformance(spec);
        this.binary = new BinaryConformance(spec);
    }

    /**
     * @param frame    one whole frame: binary with its header, JSON without its NUL; not consumed
     * @param sentBy   who sent it
     * @param loggedOn whether the session had logged on when it arrived
     */
    public List<Finding> check(ByteBuf frame, DtcEncoding encoding, Direction sentBy, boolean loggedOn) {
        return check(frame, encoding, sentBy, loggedOn, true);
    }

    /**
     * As {@link #check}, but a binary frame (fixed or VLS) only as far as its bytes show (header, Size or
     * BaseSize against the struct, type, VLS string slots inside the message): what it says is checked by
     * {@link #checkDecoded} on the message a codec makes of the same frame, so that a reader with a codec
     * does not decode each frame twice. JSON is checked in full, since only its text shows unknown fields
     * and wrong types.
     */
    public List<Finding> checkFrame(ByteBuf frame, DtcEncoding encoding, Direction sentBy, boolean loggedOn) {
        return check(frame, encoding, sentBy, loggedOn, false);
    }

    /** Whether {@link #checkFrame} leaves a frame in this encoding to {@link #checkDecoded}. */
    public static boolean leavesValuesToDecoded(DtcEncoding encoding) {
        return encoding == DtcEncoding.BINARY_ENCODING || encoding == DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS;
    }

    /** Direction, logon, enum ranges, string capacities and the known confusions of a decoded message. */
    public List<Finding> checkDecoded(DtcMessage m, Direction sentBy, boolean loggedOn) {
        List<Finding> findings = scratch();
        checkMessage(m, sentBy, loggedOn, findings);
        return result(findings);
    }

    /**
     * This thread's list to collect one frame's findings in. A simulator checks every inbound frame and
     * nearly all of them pass, so the list is kept, and only findings are copied out.
     */
    private static List<Finding> scratch() {
        List<Finding> findings = SCRATCH.get();
        findings.clear();
        return findings;
    }

    private static List<Finding> result(List<Finding> findings) {
        return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    private List<Finding> check(ByteBuf frame, DtcEncoding encoding, Direction sentBy, boolean loggedOn,
                                boolean decodeBinary) {
        List<Finding> findings = scratch();
        // Checking a binary frame without decoding it only reads at fixed offsets: no view needed.
        ByteBuf view = encoding == DtcEncoding.BINARY_ENCODING && !decodeBinary ? frame : frame.duplicate();
        DtcMessage decoded = switch (encoding) {
            case JSON_ENCODING, JSON_COMPACT_ENCODING -> json.check(view, findings);
            case BINARY_ENCODING -> binary.check(view, findings, false, decodeBinary);
            case BINARY_WITH_VARIABLE_LENGTH_STRINGS -> binary.check(view, findings, true, decodeBinary);
            case PROTOCOL_BUFFERS -> null;
        };
        if (decoded != null) {
            checkMessage(decoded, sentBy, loggedOn, findings);
        }
        return result(findings);
    }

    private void checkMessage(DtcMessage m, Direction sentBy, boolean loggedOn, List<Finding> findings) {
        checkSession(m.spec(), sentBy, loggedOn, findings);
        checkValues(m, findings);
        checkMeaning(m, findings);
    }

    private static void checkSession(MessageSpec m, Direction sentBy, boolean loggedOn, List<Finding> findings) {
        Set<Direction> allowed = Direction.of(m);
        if (!allowed.contains(sentBy)) {
            Direction other = allowed.iterator().next();
            findings.add(new Finding(Finding.Kind.WRONG_DIRECTION, m.label(), null, "sent by " + other.senders(),
                    "sent by " + sentBy.senders(), KnownConfusions.intentOf(m.name())));
        }
        if (!loggedOn && !BEFORE_LOGON_OK.contains(m.name())) {
            findings.add(new Finding(Finding.Kind.BEFORE_LOGON, m.label(), null,
                    "LOGON_REQUEST answered by LOGON_SUCCESS first", "sent before logon", null));
        }
    }

    /** Enum ranges and string capacities, whatever the encoding carried them in. */
    static void checkValues(DtcMessage m, List<Finding> findings) {
        // Primitive reads, and no iterator: this runs on every inbound frame of every session.
        List<FieldSpec> fields = m.spec().fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            FieldSpec f = fields.get(i);
            if (!m.isSet(f)) {
                continue;
            }
            if (f.enumSpec() != null && f.enumSpec().nameOf(m.getLong(f)) == null) {
                findings.add(new Finding(Finding.Kind.ENUM_OUT_OF_RANGE, m.spec().label(), f.name(),
                        f.enumSpec().name() + ", " + f.enumSpec().describe(), String.valueOf(m.getLong(f)), null));
            }
            if (f.kind() == WireKind.STRING && m.getString(f).length() > f.maxStringLength()) {
                String s = m.getString(f);
                findings.add(new Finding(Finding.Kind.STRING_TOO_LONG, m.spec().label(), f.name(),
                        "at most " + f.maxStringLength() + " characters in " + f.declaration(),
                        s.length() + " characters", null));
            }
        }
    }

    /** OrderStatus 3 is PENDING_CHILD, but many clients and notes read it as filled. */
    private void checkMeaning(DtcMessage m, List<Finding> findings) {
        if (!m.is("ORDER_UPDATE") || !m.isSet("OrderStatus")) {
            return;
        }
        int pendingChild = spec.enumValue("OrderStatusEnum", "ORDER_STATUS_PENDING_CHILD");
        int filledReason = spec.enumValue("OrderUpdateReasonEnum", "ORDER_FILLED");
        boolean saysFilled = m.getInt("OrderUpdateReason") == filledReason
                || (m.isSet("FilledQuantity") && m.isSet("OrderQuantity") && m.getDouble("OrderQuantity") > 0
                && m.getDouble("FilledQuantity") == m.getDouble("OrderQuantity"));
        if (m.getInt("OrderStatus") == pendingChild && saysFilled) {
            findings.add(new Finding(Finding.Kind.LIKELY_CONFUSION, m.spec().label(), "OrderStatus",
                    "ORDER_STATUS_FILLED = " + spec.enumValue("OrderStatusEnum", "ORDER_STATUS_FILLED") + " for a filled order",
                    pendingChild + " on a filled order",
                    "OrderStatus " + pendingChild + " is PENDING_CHILD (a bracket child waiting for its parent); FILLED is 7"));
        }
    }
}
