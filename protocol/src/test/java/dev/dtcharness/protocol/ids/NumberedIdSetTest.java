package dev.dtcharness.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberedIdSetTest {
    private final NumberedIdSet set = new NumberedIdSet();
    private final Set<String> reference = new HashSet<>();

    @Test
    void shouldCountAnIdOnceWhateverItsShape() {
        for (String id : new String[] {"E1", "E2", "E1", "E007", "E7", "E007", "", "", "ABC", "ABC", "0", "0", "00",
                "E1234567890123456789", "E1234567890123456789", "E123456789012345678", "12", "12", "E3", "e3", "É4", "É4"}) {
            check(id);
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }

    @Test
    void shouldKeepNumbersArrivingOutOfOrder() {
        for (long n : new long[] {10, 12, 11, 14, 9, 8, 20, 13, 16, 15, 17, 19, 18, 1, 3, 2, 5, 7, 6, 4, 12, 1, 20}) {
            check("X" + n);
        }
        for (long n = 0; n <= 22; n++) {
            assertThat(set.contains("X" + n)).as("X%d", n).isEqualTo(reference.contains("X" + n));
        }
    }

    /** Random ids of several shapes, many repeated, against a HashSet: every answer the same. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldAnswerAsAHashSetDoes(long seed) {
        Random random = new Random(seed);
        String[] prefixes = {"E", "EX-", "", "S", "ORD_", "a", "b", "c", "d", "e", "f"};
        long[] next = new long[prefixes.length];
        LongFunction<String> pick = k -> {
            int p = random.nextInt(prefixes.length);
            return switch (random.nextInt(10)) {
                // A counter, as servers give them, sometimes skipping numbers another session took.
                case 0, 1, 2, 3 -> prefixes[p] + (next[p] += random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1);
                case 4, 5 -> prefixes[p] + Math.max(0, next[p] - random.nextInt(50)); // a repeat or a late one
                case 6 -> prefixes[p] + random.nextInt(2_000); // scattered: forces many runs, then the spill
                case 7 -> prefixes[p] + "0" + random.nextInt(100); // leading zero: not a counter
                case 8 -> "id-" + random.nextInt(500) + "x"; // no counter at all
                default -> prefixes[p] + (1_000_000_000_000_000L + random.nextInt(1_000)); // 19 digits
            };
        };
        for (int i = 0; i < 100_000; i++) {
            String id = pick.apply(i);
            if (random.nextInt(4) == 0) {
                assertThat(set.contains(id)).as("contains %s", id).isEqualTo(reference.contains(id));
            } else {
                check(id);
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
        List<String> all = new ArrayList<>();
        set.forEach(all::add);
        assertThat(all).as("each id once").hasSize(reference.size());
        assertThat(new HashSet<>(all)).isEqualTo(reference);
    }

    @Test
    void shouldGiveOtherIdsInTheOrderAddedThenCountersInOrder() {
        for (String id : new String[] {"B", "E3", "A", "E1", "E2", "X-5", "C", "E1"}) {
            set.add(id);
        }
        List<String> all = new ArrayList<>();
        set.forEach(all::add);
        assertThat(all).containsExactly("B", "A", "C", "E1", "E2", "E3", "X-5");
    }

    @Test
    void shouldStayExactForAPrefixWhoseNumbersSpilled() {
        // Every other number: each one a run of its own, until there are too many runs to search.
        for (long n = 0; n < 2_000; n += 2) {
            check("E" + n);
        }
        // Now fill the gaps and repeat everything: the runs extend and meet numbers kept elsewhere.
        for (long n = 0; n < 2_100; n++) {
            check("E" + n);
        }
        for (long n = 0; n < 2_100; n++) {
            check("E" + n);
            assertThat(set.contains("E" + n)).isTrue();
        }
        assertThat(set.size()).isEqualTo(2_100);
    }

    private void check(String id) {
        assertThat(set.add(id)).as("add %s", id).isEqualTo(reference.add(id));
        assertThat(set.contains(id)).as("contains %s after adding it", id).isTrue();
    }
}
