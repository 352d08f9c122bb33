package dev.dtcharness.soak.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutcomeMixTest {

    @Test
    void shouldDrawOutcomesInTheirSharesAndRepeatWithTheSameSeed() {
        OutcomeMix mix = OutcomeMix.parse("FILL=90, reject=10");
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            Outcome o = mix.draw(a);
            assertThat(mix.draw(b)).isEqualTo(o);
            counts.merge(o, 1, Integer::sum);
        }

        assertThat(counts.get(Outcome.FILL) / 10_000.0).isCloseTo(0.9, within(0.02));
        assertThat(counts).doesNotContainKey(Outcome.CANCEL);
    }

    @Test
    void shouldSayHowToWriteAMix() {
        assertThatThrownBy(() -> OutcomeMix.parse("FILL")).hasMessageContaining("FILL=90,REJECT=10");
    }

    @Test
    void shouldRefuseAnOutcomeThePlacerCannotProduceYet() {
        assertThatThrownBy(() -> new OrderFlow(new LoadShape(100, Duration.ZERO, 10), OutcomeMix.parse("FILL=9,CANCEL=1"),
                new FillingPlacer("ES"), 1, new LiveStatus()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CANCEL is not supported yet");
    }

    @Test
    void shouldRampFromTenPercentToTheTargetRate() {
        LoadShape shape = new LoadShape(1_000, Duration.ofSeconds(10), 100);

        assertThat(shape.rateAt(0)).isEqualTo(100.0);
        assertThat(shape.rateAt(Duration.ofSeconds(5).toNanos())).isCloseTo(550.0, within(1e-9));
        assertThat(shape.rateAt(Duration.ofSeconds(30).toNanos())).isEqualTo(1_000.0);
    }

    @Test
    void shouldSpaceArrivalsByTheRateOnAverage() {
        LoadShape shape = new LoadShape(2_000, Duration.ZERO, 100);
        SplittableRandom random = new SplittableRandom(3);
        long total = 0;
        for (int i = 0; i < 20_000; i++) {
            total += shape.nextGapNanos(0, random);
        }

        assertThat(total / 20_000.0).isCloseTo(500_000.0, within(15_000.0));   // 0.5 ms mean gap
    }

    @Test
    void shouldReconnectEveryNthPhaseOnly() {
        SessionPolicy every2 = SessionPolicy.newClientEvery(2);

        assertThat(every2.reconnectBefore(1)).isFalse();
        assertThat(every2.reconnectBefore(2)).isFalse();
        assertThat(every2.reconnectBefore(3)).isTrue();
        assertThat(every2.reconnectBefore(5)).isTrue();
        assertThat(SessionPolicy.keep().reconnectBefore(3)).isFalse();
    }
}
