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
    void millisecondTimesKeepTheirMillisecondsAndWholeSecondsDropTheFraction() {
        assertThat(DtcTimes.withMilliseconds(1_764_000_000_123L)).isEqualTo(1_764_000_000.123);
        assertThat(DtcTimes.withMilliseconds(1_764_000_000_999L) * 1000.0).isCloseTo(1_764_000_000_999.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(DtcTimes.seconds(1_764_000_000_999L)).isEqualTo(1_764_000_000L);
        assertThat(DtcTimes.seconds(-1)).isEqualTo(-1);
    }
}
