package dev.dtcharness.simulator.market.instrument;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One trading session: the date it is traded under (DTC's TradingSessionDate) and when it opens and
 * closes. {@code close} is exclusive: at that instant the session is over and DAY orders expire.
 */
public record TradingSession(LocalDate tradingDate, Instant open, Instant close) {

    public boolean contains(Instant t) {
        return !t.isBefore(open) && t.isBefore(close);
    }
}
