package dev.dtcharness.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DtcTimesTest {
    @Test
    void aFillTimeInMillisecondsIsKeptAndOneInSecondsIsScaled() {
        assertThat(DtcTimes.millis(1_764_000_000_123L)).isEqualTo(1_764_000_000_123L);
        assertThat(DtcTimes.millis(1_764_000_000L)).isEqualTo(1_764_000_000_000L);
        assertThat(DtcTimes.millis(0)).isZero();
        assertThat(DtcTimes.millis(-5)).isZero();
    }

    @Test
    void millisecondTimesGoBothWaysAndWholeSecondsDropTheFraction() {
        assertThat(DtcTimes.withMilliseconds(1_764_000_000_123L)).isEqualTo(1_764_000_000.123);
        assertThat(DtcTimes.millisOf(1_764_000_000.123)).isEqualTo(1_764_000_000_123L);
        assertThat(DtcTimes.millisOf(DtcTimes.withMilliseconds(1_764_000_000_999L))).isEqualTo(1_764_000_000_999L);
        assertThat(DtcTimes.seconds(1_764_000_000_999L)).isEqualTo(1_764_000_000L);
        assertThat(DtcTimes.seconds(-1)).isEqualTo(-1);
    }
}
