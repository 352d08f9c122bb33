package dev.dtcharness.simulator.market.instrument;

/** How a SECURITY_DEFINITION_FOR_SYMBOL_REQUEST for a symbol not in the table is answered (FACTS 7.2). */
public enum UnknownSymbols {
    /**
     * SECURITY_DEFINITION_REJECT (509) with a text naming the symbol: the documented answer to a failed request
     * (509 is "only for failures", FACTS 7.1) and what the gateways send ("No such symbol", "Unknown symbol").
     * The default.
     */
    REJECT,
    /**
     * What DTCSharp reports Sierra Chart itself does ("never does reject"): one 507 echoing RequestID and Symbol
     * with IsFinalMessage 1 and every other field at its default, so Description is empty and MinPriceIncrement 0.
     * For testing a client against that answer.
     */
    EMPTY_DEFINITION
}
