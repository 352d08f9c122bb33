package dev.dtcharness.client.internal.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Side;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FillLedgerTest {
    private final FillLedger ledger = new FillLedger();

    @Test
    void shouldCountEachExecutionIdOnceWhetherItRepeatsSoonOrLongAfter() {
        Set<String> counted = new HashSet<>();
        Random random = new Random(1203);
        int fills = 100_017;
        for (int i = 0; i < fills; i++) {
            String id = "X-" + i;
            assertThat(ledger.add(fill(id))).as(id).isTrue();
            counted.add(id);
            // A repeat of a fill just counted, and of one counted any time before (its table grown several times since).
            assertThat(ledger.add(fill(id))).as("again " + id).isFalse();
            String earlier = "X-" + random.nextInt(i + 1);
            assertThat(ledger.add(fill(earlier))).as("again " + earlier).isFalse();
        }
        assertThat(ledger.size()).isEqualTo(fills);
        counted.forEach(id -> assertThat(ledger.contains(id)).as(id).isTrue());
        for (int i = fills; i < fills * 4; i++) {
            assertThat(ledger.contains("X-" + i)).isFalse();
        }
    }

    private static Fill fill(String executionId) {
        return new Fill(executionId, "S1", "C1", "ESZ6", "ACC", Side.BUY, 1, 4500.25, 0, "ORDER_UPDATE");
    }
}
