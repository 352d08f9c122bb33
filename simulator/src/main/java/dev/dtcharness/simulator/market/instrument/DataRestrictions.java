package dev.dtcharness.simulator.market.instrument;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sierra Chart's data restrictions (FACTS 8.8): its DTC server sends no market data for CME Group exchanges,
 * EUREX, NASDAQ, CBOE and US equities from UTP/CTA. Off by default, so the simulator serves every symbol.
 * Security definitions and trading are not restricted (FACTS 8.8: SC's server kept trading ESM26-CME in 2026),
 * so this decides only what market data and depth requests get.
 *
 * <p>How SC words the refusal is not documented, nor whether it refuses or sends an empty snapshot; the text
 * here is the simulator's own. The exchange codes standing for "UTP/CTA" (NYSE, ARCA, AMEX, BATS, IEX) are an
 * assumption; any set can be given.
 */
public final class DataRestrictions {
    /** The exchanges FACTS 8.8 lists, as exchange codes: CME Group (CME, CBOT, NYMEX, COMEX), EUREX, NASDAQ, CBOE (and CFE), US equity tapes. */
    public static final Set<String> SIERRA_RESTRICTED_EXCHANGES = Collections.unmodifiableSet(new TreeSet<>(Set.of(
            "CME", "CBOT", "NYMEX", "COMEX", "EUREX", "NASDAQ", "CBOE", "CFE", "NYSE", "ARCA", "AMEX", "BATS", "IEX")));

    private static final DataRestrictions OFF = new DataRestrictions(DataAccess.SERVED, Set.of());

    private final DataAccess restricted;
    private final Set<String> exchanges;

    private DataRestrictions(DataAccess restricted, Set<String> exchanges) {
        this.restricted = restricted;
        this.exchanges = exchanges;
    }

    /** No restriction: every instrument is served (the default). */
    public static DataRestrictions off() {
        return OFF;
    }

    /** Sierra Chart's documented behaviour: requests for the restricted exchanges are rejected. */
    public static DataRestrictions sierra() {
        return of(DataAccess.REJECTED, SIERRA_RESTRICTED_EXCHANGES);
    }

    /** Instruments on {@code exchanges} (case-insensitive) get {@code restricted}; the others are served. */
    public static DataRestrictions of(DataAccess restricted, Set<String> exchanges) {
        if (restricted == null) {
            throw new IllegalArgumentException("dataRestrictions: null (expected: SERVED, REJECTED or ZERO_SNAPSHOT)");
        }
        Set<String> upper = new TreeSet<>();
        for (String e : exchanges) {
            if (e == null || e.isBlank()) {
                throw new IllegalArgumentException("dataRestrictions.exchanges: " + exchanges
                        + " (expected: exchange codes, none blank)");
            }
            upper.add(e.strip().toUpperCase(Locale.ROOT));
        }
        return new DataRestrictions(restricted, Collections.unmodifiableSet(upper));
    }

    public boolean isOff() {
        return restricted == DataAccess.SERVED || exchanges.isEmpty();
    }

    public Set<String> exchanges() {
        return exchanges;
    }

    /** What a market data request for {@code instrument} gets. */
    public DataAccess accessFor(Instrument instrument) {
        return exchanges.contains(instrument.exchange().toUpperCase(Locale.ROOT)) ? restricted : DataAccess.SERVED;
    }

    /** The reject text for a restricted instrument, within MARKET_DATA_REJECT's RejectText. */
    public String rejectText(Instrument instrument) {
        return Texts.fit("Market data for " + instrument.symbol() + " is not available over this DTC server: "
                + instrument.exchange() + " data is restricted");
    }

    @Override
    public String toString() {
        return isOff() ? "off" : restricted + " for " + exchanges;
    }
}
