package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Transition.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateMachineTest {
    /**
     * Rows: the order's status; columns: the incoming OrderStatus 0..10 (0 = not set), reason
     * GENERAL_ORDER_UPDATE. A accepted, U unchanged, H held (status kept), S stale, I invalid (applied, warned).
     * Status codes: 0 UNSPECIFIED, 1 ORDER_SENT, 2 PENDING_OPEN, 3 PENDING_CHILD, 4 OPEN,
     * 5 PENDING_CANCEL_REPLACE, 6 PENDING_CANCEL, 7 FILLED, 8 CANCELED, 9 REJECTED, 10 PARTIALLY_FILLED.
     */
    private static final String[] TABLE = {
        //   0 1 2 3 4 5 6 7 8 9 10
        /* 0 */ "U I A A A A A A A A A",
        /* 1 */ "U U A A A A A A A A A",
        /* 2 */ "U I U I A A A A A A A",
        /* 3 */ "U I A U A A A A A A A",
        /* 4 */ "U I H I U A A A A I A",
        /* 5 */ "U I H I A U A A A I A",
        /* 6 */ "U I H I A A U A A I A",
        /* 7 */ "U S S S S S S U S S S",
        /* 8 */ "U S S S S S S S U S S",
        /* 9 */ "U S S S S S S S S U S",
        /* 10 */ "U I H I H A A A A I U",
    };
    private static final Map<String, Verdict> LETTERS = Map.of("A", Verdict.ACCEPTED, "U", Verdict.UNCHANGED,
            "H", Verdict.HELD, "S", Verdict.STALE, "I", Verdict.INVALID);

    static Stream<Arguments> everyTransition() {
        List<Arguments> cases = new ArrayList<>();
        for (int from = 0; from < TABLE.length; from++) {
            String[] row = TABLE[from].split(" ");
            for (int to = 0; to < row.length; to++) {
                cases.add(Arguments.of(StatusNames.name(from), StatusNames.name(to), from, to, LETTERS.get(row[to])));
            }
        }
        return cases.stream();
    }

    @Test
    void shouldCoverEveryStatusOfTheSpec() {
        assertThat(java.util.Arrays.stream(OrderStatus.values()).map(OrderStatus::value).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(everyTransition()).hasSize(121);
    }

    @ParameterizedTest(name = "{0} -> {1}: {4}")
    @MethodSource("everyTransition")
    void shouldJudgeEveryStatusTransition(String fromName, String toName, int from, int to, Verdict expected) {
        Transition t = OrderStateMachine.judge(from, to, OrderUpdateReason.valueOf("GENERAL_ORDER_UPDATE").value());

        assertThat(t.verdict()).isEqualTo(expected);
        int resulting = OrderStateMachine.resulting(t);
        if (expected == Verdict.ACCEPTED || expected == Verdict.INVALID) {
            assertThat(resulting).isEqualTo(to);
        } else {
            assertThat(resulting).as("status kept").isEqualTo(from);
        }
    }

    @Test
    void shouldNeverLetACancelOrReplaceRejectChangeAKnownOrdersStatus() {
        for (String reason : List.of("ORDER_CANCEL_REJECTED", "ORDER_CANCEL_REPLACE_REJECTED")) {
            Transition open = OrderStateMachine.judge(OrderStatus.OPEN.value(), OrderStatus.REJECTED.value(), OrderUpdateReason.valueOf(reason).value());
            Transition filled = OrderStateMachine.judge(OrderStatus.FILLED.value(), OrderStatus.FILLED.value(), OrderUpdateReason.valueOf(reason).value());

            assertThat(open.verdict()).isEqualTo(Verdict.HELD);
            assertThat(OrderStateMachine.resulting(open)).isEqualTo(OrderStatus.OPEN.value());
            assertThat(OrderStateMachine.resulting(filled)).isEqualTo(OrderStatus.FILLED.value());
        }
    }
}
