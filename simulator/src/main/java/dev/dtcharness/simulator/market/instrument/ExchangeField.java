package dev.dtcharness.simulator.market.instrument;

/**
 * How the table treats DTC's Exchange field (FACTS 7.4).
 */
public enum ExchangeField {
    /**
     * Sierra Chart's way: the whole SC symbol is the Symbol ("ESZ26-CME" if that is how the table spells it),
     * a request's Exchange is ignored, the 507's Exchange is left empty and LOGON_RESPONSE's
     * SymbolExchangeDelimiter is "".
     */
    IGNORED(""),
    /**
     * The gateways' way (BMEX, PLNX): Symbol and Exchange are separate, the delimiter is "-", a request that
     * names an exchange must name the instrument's, and the 507 carries it.
     */
    USED("-");

    private final String delimiter;

    ExchangeField(String delimiter) {
        this.delimiter = delimiter;
    }

    /** The LOGON_RESPONSE SymbolExchangeDelimiter that goes with this choice. */
    public String symbolExchangeDelimiter() {
        return delimiter;
    }
}
