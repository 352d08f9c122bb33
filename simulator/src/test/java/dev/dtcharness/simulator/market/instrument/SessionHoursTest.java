package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SessionHoursTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final SessionHours GLOBEX = SessionHours.of(CHICAGO, LocalTime.of(17, 0), LocalTime.of(16, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final SessionHours NYSE = SessionHours.of(ZoneId.of("America/New_York"), LocalTime.of(9, 30),
            LocalTime.of(16, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private static Instant chicago(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(CHICAGO).toInstant();
    }

    @Test
    void shouldDateSundayEveningTradingAsMonday() {
        // 2026-12-06 is a Sunday.
        TradingSession s = GLOBEX.sessionAt(chicago(2026, 12, 6, 18, 0)).orElseThrow();
        assertThat(s.tradingDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(s.open()).isEqualTo(chicago(2026, 12, 6, 17, 0));
        assertThat(s.close()).isEqualTo(chicago(2026, 12, 7, 16, 0));
        assertThat(GLOBEX.opensTheDayBefore()).isTrue();
    }

    @Test
    void shouldBeClosedInTheDailyBreakAndAtTheWeekend() {
        assertThat(GLOBEX.sessionAt(chicago(2026, 12, 7, 16, 0))).isEmpty();
        assertThat(GLOBEX.sessionAt(chicago(2026, 12, 7, 16, 59))).isEmpty();
        assertThat(GLOBEX.sessionAt(chicago(2026, 12, 7, 17, 0)).orElseThrow().tradingDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(GLOBEX.sessionAt(chicago(2026, 12, 11, 17, 30))).isEmpty();
        assertThat(GLOBEX.sessionAt(chicago(2026, 12, 12, 12, 0))).isEmpty();
        assertThat(GLOBEX.sessionOn(LocalDate.of(2026, 12, 12))).isEmpty();
        TradingSession next = GLOBEX.currentOrNext(chicago(2026, 12, 11, 17, 30));
        assertThat(next.tradingDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(next.open()).isEqualTo(chicago(2026, 12, 13, 17, 0));
    }

    @Test
    void shouldFollowDaylightSavingInTheExchangeZone() {
        // Chicago moves from CDT (UTC-5) to CST (UTC-6) on 2026-11-01: the close stays 16:00 local.
        assertThat(GLOBEX.sessionOn(LocalDate.of(2026, 10, 30)).orElseThrow().close()).isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));
        assertThat(GLOBEX.sessionOn(LocalDate.of(2026, 11, 2)).orElseThrow().close()).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
    }

    @Test
    void shouldRunASameDaySessionFromOpenToClose() {
        assertThat(NYSE.opensTheDayBefore()).isFalse();
        TradingSession s = NYSE.sessionOn(LocalDate.of(2026, 12, 8)).orElseThrow();
        assertThat(s.open()).isEqualTo(Instant.parse("2026-12-08T14:30:00Z"));
        assertThat(s.close()).isEqualTo(Instant.parse("2026-12-08T21:00:00Z"));
        assertThat(NYSE.sessionAt(Instant.parse("2026-12-08T14:29:59Z"))).isEmpty();
        assertThat(NYSE.sessionAt(Instant.parse("2026-12-08T14:30:00Z"))).contains(s);
    }

    @Test
    void shouldTreatACloseAtMidnightAsTheEndOfTheTradingDate() {
        SessionHours always = SessionHours.alwaysOpen();
        TradingSession s = always.sessionAt(Instant.parse("2026-12-08T23:59:59Z")).orElseThrow();
        assertThat(s.tradingDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(s.open()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(s.close()).isEqualTo(Instant.parse("2026-12-09T00:00:00Z"));
        assertThat(always.sessionAt(Instant.parse("2026-12-09T00:00:00Z")).orElseThrow().tradingDate())
                .isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(always.days()).hasSize(7);
    }

    @Test
    void shouldRefuseHoursWithoutTradingDays() {
        assertThatThrownBy(() -> SessionHours.of(CHICAGO, LocalTime.NOON, LocalTime.MIDNIGHT, EnumSet.noneOf(DayOfWeek.class)))
                .hasMessage("session.days: [] (expected: at least one trading day)");
        assertThatThrownBy(() -> SessionHours.of(null, LocalTime.NOON, LocalTime.MIDNIGHT, EnumSet.of(DayOfWeek.MONDAY)))
                .hasMessageStartingWith("session.timeZone: null");
    }
}
