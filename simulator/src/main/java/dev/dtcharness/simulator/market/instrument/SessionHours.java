package dev.dtcharness.simulator.market.instrument;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When an instrument trades, in the exchange's time zone: an open and a close time, and the days that
 * are trading dates.
 *
 * <ul>
 *   <li>close after open: the session runs from open to close on the trading date (US stocks 09:30 to 16:00);</li>
 *   <li>close at or before open: it opens the evening before and closes on the trading date, as CME Globex does
 *       (ES 17:00 to 16:00 Chicago: Sunday evening's trading belongs to Monday); open equal to close is 24 hours;</li>
 *   <li>a close of 00:00 means midnight at the end of the trading date, so 00:00 to 00:00 is the whole
 *       calendar day (a crypto pair that trades around the clock).</li>
 * </ul>
 * Days are trading dates, not opening days: ES trades on MONDAY to FRIDAY even though the week opens on Sunday.
 * Holidays are not modelled.
 */
public final class SessionHours {
    private static final Set<DayOfWeek> EVERY_DAY = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));

    private final ZoneId timeZone;
    private final LocalTime open;
    private final LocalTime close;
    private final Set<DayOfWeek> days;

    private SessionHours(ZoneId timeZone, LocalTime open, LocalTime close, Set<DayOfWeek> days) {
        this.timeZone = timeZone;
        this.open = open;
        this.close = close;
        this.days = days;
    }

    /** Hours in {@code timeZone}; fails with a plain message for a missing part or no trading days. */
    public static SessionHours of(ZoneId timeZone, LocalTime open, LocalTime close, Set<DayOfWeek> days) {
        if (timeZone == null) {
            throw new IllegalArgumentException("session.timeZone: null (expected: a time zone such as America/Chicago)");
        }
        if (open == null) {
            throw new IllegalArgumentException("session.open: null (expected: a time of day such as 17:00)");
        }
        if (close == null) {
            throw new IllegalArgumentException("session.close: null (expected: a time of day such as 16:00)");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("session.days: " + days + " (expected: at least one trading day)");
        }
        return new SessionHours(timeZone, open, close, Collections.unmodifiableSet(EnumSet.copyOf(days)));
    }

    /** Around the clock, every day, dated in UTC. */
    public static SessionHours alwaysOpen() {
        return new SessionHours(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, EVERY_DAY);
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public LocalTime open() {
        return open;
    }

    public LocalTime close() {
        return close;
    }

    /** The trading dates' days of the week. */
    public Set<DayOfWeek> days() {
        return days;
    }

    /** Whether a session opens on the calendar day before its trading date. */
    public boolean opensTheDayBefore() {
        return !close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open);
    }

    /** The session traded under {@code tradingDate}, or empty when that is not a trading day. */
    public Optional<TradingSession> sessionOn(LocalDate tradingDate) {
        if (!days.contains(tradingDate.getDayOfWeek())) {
            return Optional.empty();
        }
        LocalDate openDate = opensTheDayBefore() ? tradingDate.minusDays(1) : tradingDate;
        LocalDate closeDate = close.equals(LocalTime.MIDNIGHT) ? tradingDate.plusDays(1) : tradingDate;
        Instant o = ZonedDateTime.of(openDate, open, timeZone).toInstant();
        Instant c = ZonedDateTime.of(closeDate, close, timeZone).toInstant();
        return Optional.of(new TradingSession(tradingDate, o, c));
    }

    /** The session open at {@code t}, or empty when the market is closed then. */
    public Optional<TradingSession> sessionAt(Instant t) {
        LocalDate local = t.atZone(timeZone).toLocalDate();
        // A session that opens the evening before is dated tomorrow; one that closes at midnight started yesterday.
        for (int d = -1; d <= 1; d++) {
            Optional<TradingSession> s = sessionOn(local.plusDays(d));
            if (s.isPresent() && s.get().contains(t)) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** The session open at {@code t}, else the next one to open after it. */
    public TradingSession currentOrNext(Instant t) {
        Optional<TradingSession> now = sessionAt(t);
        if (now.isPresent()) {
            return now.get();
        }
        LocalDate local = t.atZone(timeZone).toLocalDate();
        for (int d = 0; d <= 8; d++) {
            Optional<TradingSession> s = sessionOn(local.plusDays(d));
            if (s.isPresent() && s.get().open().isAfter(t)) {
                return s.get();
            }
        }
        throw new IllegalStateException("no session within 8 days of " + t + " for " + this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionHours h && h.timeZone.equals(timeZone) && h.open.equals(open)
                && h.close.equals(close) && h.days.equals(days);
    }

    @Override
    public int hashCode() {
        return timeZone.hashCode() * 31 + open.hashCode() * 17 + close.hashCode() * 7 + days.hashCode();
    }

    @Override
    public String toString() {
        return open + "-" + close + " " + timeZone + " " + days;
    }
}
