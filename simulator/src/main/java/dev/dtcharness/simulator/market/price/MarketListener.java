package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;

/**
 * One symbol's market events, as plain arguments rather than an object per event, so a feed can push
 * a million updates a second without allocating. Prices are in ticks of the symbol's
 * {@link dev.dtcharness.simulator.market.TickGrid}.
 *
 * <p>Called on the thread that advances the {@link SymbolMarket}; a listener must not keep anything
 * but the values, and must not call back into the market from inside a callback.
 */
public interface MarketListener {

    /** A trade of {@code size} at {@code priceTicks}; {@code aggressor} says who crossed (AT_BID: a seller). */
    void trade(long timeMillis, long priceTicks, double size, AtBidOrAsk aggressor);

    /** The best bid and ask are now these (either may be unchanged). */
    void quote(long timeMillis, long bidTicks, double bidSize, long askTicks, double askSize);

    /** Trading stopped ({@code true}) or resumed ({@code false}). Between the two nothing else is sent. */
    void halted(long timeMillis, boolean halted);
}
