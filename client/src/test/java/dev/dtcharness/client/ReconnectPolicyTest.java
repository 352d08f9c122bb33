package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = ReconnectPolicy.backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 5);

    @Test
    void shouldDoubleEachDelayUpToTheCapWithoutJitter() {
        ReconnectPolicy exact = policy.withJitter(0);
        Random random = new Random(1);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(n -> exact.delayBefore(n, random).toMillis()))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
    }

    @Test
    void shouldKeepJitteredDelaysWithinTheirBandAndTheCap() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delayBefore(2, random).toMillis()).isBetween(160L, 240L);
            assertThat(policy.delayBefore(10, random).toMillis()).isBetween(1600L, 2000L);
        }
    }

    @Test
    void shouldBeExhaustedAfterTheAllowedAttempts() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
        assertThat(ReconnectPolicy.NEVER.exhausted(0)).isTrue();
        assertThat(new ReconnectPolicy(true, Duration.ZERO, Duration.ZERO, 1, 0, 0).exhausted(1_000)).as("0 = forever").isFalse();
        assertThatThrownBy(() -> ReconnectPolicy.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
