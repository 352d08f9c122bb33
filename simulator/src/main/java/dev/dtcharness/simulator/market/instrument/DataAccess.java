package dev.dtcharness.simulator.market.instrument;

/** What a market data or depth request for an instrument gets under the table's {@link DataRestrictions}. */
public enum DataAccess {
    /** Served normally. */
    SERVED,
    /** Refused with MARKET_DATA_REJECT (103) or MARKET_DEPTH_REJECT (121) and {@link DataRestrictions#rejectText}. */
    REJECTED,
    /** Accepted, but the snapshot carries zeros and no updates follow: the quirk Zorro's authors saw. */
    ZERO_SNAPSHOT
}
