package dev.dtcharness.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompactStringSetTest {
    private final CompactStringSet ids = new CompactStringSet();

    @Test
    void shouldAddEachIdOnceAndFindOnlyWhatWasAdded() {
        assertThat(ids.add("E1")).isTrue();
        assertThat(ids.add("E1")).as("the same id again").isFalse();
        assertThat(ids.add("E10")).as("a longer id sharing the start").isTrue();
        assertThat(ids.add("")).as("the empty id is an id").isTrue();
        assertThat(ids.add("")).isFalse();

        assertThat(ids.contains("E1")).isTrue();
        assertThat(ids.contains("E")).isFalse();
        assertThat(ids.contains("E100")).isFalse();
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void shouldTellIdsApartByTheirWholeTextWhateverTheCharacters() {
        assertThat(ids.add("fill-\u00e9")).isTrue();
        assertThat(ids.add("fill-\u00c3\u00a9")).as("its UTF-8 bytes read as Latin-1 are another id").isTrue();
        assertThat(ids.add("\u65e5\u672c-1")).isTrue();
        assertThat(ids.add("\u0100")).isTrue();
        assertThat(ids.add("\u00c4\u0080")).as("Latin-1 bytes equal to another id's UTF-8 bytes").isTrue();
        assertThat(ids.contains("\u00c4\u0080")).isTrue();
        assertThat(ids.contains("\u0100")).isTrue();

        assertThat(ids.contains("fill-\u00e9")).isTrue();
        assertThat(ids.contains("\u65e5\u672c-1")).isTrue();
        assertThat(ids.contains("\u65e5\u672c-2")).isFalse();
        assertThat(ids.add("x".repeat(300))).as("a long one").isTrue();
        assertThat(ids.contains("x".repeat(300))).isTrue();
        assertThat(ids.contains("x".repeat(299))).isFalse();
    }

    @Test
    void shouldAgreeWithAHashSetOverManyIdsAcrossGrowth() {
        Set<String> reference = new HashSet<>();
        Random random = new Random(20261125);
        for (int i = 0; i < 200_000; i++) {
            // Sequential ids, as servers number them, mixed with random ones and repeats of both.
            String id = random.nextInt(4) == 0 ? "R" + Long.toString(random.nextLong(), 36) : "E" + random.nextInt(150_000);
            assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
        for (int i = 0; i < 1_000; i++) {
            String absent = "Q" + i;
            assertThat(ids.contains(absent)).isFalse();
        }
        reference.forEach(id -> assertThat(ids.contains(id)).as(id).isTrue());
        assertThat(ids.footprint()).as("bytes per id, arrays included").isLessThan(60L * reference.size());
    }

    @Test
    void shouldStillFindEveryIdAndOnlyThoseOnceSealed() {
        Set<String> reference = new HashSet<>();
        Random random = new Random(1203);
        for (int i = 0; i < 100_000; i++) {
            String id = "C" + random.nextInt(1_000_000);
            ids.add(id);
            reference.add(id);
        }
        ids.seal();
        reference.forEach(id -> assertThat(ids.contains(id)).as(id).isTrue());
        for (int i = 0; i < 1_000_000; i++) {
            String id = "C" + i;
            assertThat(ids.contains(id)).as(id).isEqualTo(reference.contains(id));
        }
        assertThat(ids.add("after-sealing")).isTrue();
        assertThat(ids.contains("after-sealing")).as("an add drops the filter").isTrue();
    }

    @Test
    void shouldListWhatItHoldsInTheOrderAdded() {
        ids.add("C-2");
        ids.add("\u00e9t\u00e9");
        ids.add("C-2");
        ids.add("C-10");
        List<String> seen = new ArrayList<>();

        ids.forEach(seen::add);

        assertThat(seen).containsExactly("C-2", "\u00e9t\u00e9", "C-10");
    }

    @Test
    void shouldRefuseAnIdTooLongToRecordItsLength() {
        assertThatThrownBy(() -> ids.add("y".repeat(CompactStringSet.MAX_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32767");
        assertThat(ids.size()).isZero();
    }
}
