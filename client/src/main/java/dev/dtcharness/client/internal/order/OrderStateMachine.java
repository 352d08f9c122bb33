package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import static dev.dtcharness.protocol.enums.OrderStatus.CANCELED;
import static dev.dtcharness.protocol.enums.OrderStatus.FILLED;
import static dev.dtcharness.protocol.enums.OrderStatus.OPEN;
import static dev.dtcharness.protocol.enums.OrderStatus.ORDER_SENT;
import static dev.dtcharness.protocol.enums.OrderStatus.PARTIALLY_FILLED;
import static dev.dtcharness.protocol.enums.OrderStatus.PENDING_CANCEL;
import static dev.dtcharness.protocol.enums.OrderStatus.PENDING_CANCEL_REPLACE;
import static dev.dtcharness.protocol.enums.OrderStatus.PENDING_CHILD;
import static dev.dtcharness.protocol.enums.OrderStatus.PENDING_OPEN;
import static dev.dtcharness.protocol.enums.OrderStatus.REJECTED;
import static dev.dtcharness.protocol.enums.OrderStatus.UNSPECIFIED;

import dev.dtcharness.client.Transition.Verdict;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * DTC v8's order life cycle (FACTS 3.1, 3.2): which OrderStatus may follow which. Updates can
 * arrive twice or late (a restatement after a reconnect, a replayed batch), so a status that
 * would take an order back is held, and an ended order never reopens.
 */
final class OrderStateMachine {
    private static final Set<OrderStatus> NOT_YET_WORKING = EnumSet.of(UNSPECIFIED, ORDER_SENT, PENDING_OPEN, PENDING_CHILD);
    private static final Set<OrderStatus> WORKING = EnumSet.of(OPEN, PENDING_CANCEL_REPLACE, PENDING_CANCEL, PARTIALLY_FILLED);

    private OrderStateMachine() {
    }

    /** Judges an incoming OrderStatus {@code to} (0 = not set) with its OrderUpdateReason against the current {@code from}. */
    public static Transition judge(int from, int to, int reason) {
        return new Transition(from, to, reason, verdict(from, to, reason));
    }

    /** The status the order takes under that verdict. */
    public static int resulting(Transition t) {
        return switch (t.verdict()) {
            case ACCEPTED, INVALID -> t.to();
            case UNCHANGED, HELD, STALE -> t.from();
        };
    }

    private static Verdict verdict(int fromValue, int toValue, int reason) {
        // Raw values in, enums here: a server may send a status the spec does not define (null), applied all the same.
        OrderStatus from = OrderStatus.of(fromValue);
        OrderStatus to = OrderStatus.of(toValue);
        boolean known = from != UNSPECIFIED && from != ORDER_SENT;
        if (known && (reason == OrderUpdateReason.ORDER_CANCEL_REJECTED.value()
                || reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED.value())) {
            // A failed cancel or modify leaves the order as it was (FACTS 3.2 F, AUDIT A04).
            return Verdict.HELD;
        }
        if (to == UNSPECIFIED || toValue == fromValue) {
            return Verdict.UNCHANGED;
        }
        if (StatusNames.isTerminal(fromValue)) {
            return Verdict.STALE;
        }
        if (to == null || to == ORDER_SENT) {
            return Verdict.INVALID;
        }
        if (from == UNSPECIFIED || from == ORDER_SENT) {
            return Verdict.ACCEPTED;
        }
        return fromKnown(from, to);
    }

    private static Verdict fromKnown(OrderStatus from, OrderStatus to) {
        if (to == FILLED || to == CANCELED) {
            return Verdict.ACCEPTED;
        }
        if (to == PENDING_CHILD) {
            return Verdict.INVALID;
        }
        if (to == PENDING_OPEN) {
            return from == PENDING_CHILD ? Verdict.ACCEPTED : Verdict.HELD;
        }
        if (to == REJECTED) {
            return NOT_YET_WORKING.contains(from) ? Verdict.ACCEPTED : Verdict.INVALID;
        }
        if (to == OPEN) {
            // Back to OPEN after a fill would forget it; a replace completing after a partial fill says OPEN too.
            return from == PARTIALLY_FILLED ? Verdict.HELD : Verdict.ACCEPTED;
        }
        // PENDING_CANCEL, PENDING_CANCEL_REPLACE, PARTIALLY_FILLED: from any working or pending state.
        // An unknown from (null, applied earlier as INVALID) is neither.
        return from != null && (WORKING.contains(from) || NOT_YET_WORKING.contains(from)) ? Verdict.ACCEPTED : Verdict.INVALID;
    }
}
