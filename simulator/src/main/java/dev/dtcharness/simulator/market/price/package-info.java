/**
 * Prices that move: a market clock, price sources (a seeded random walk, a recorded tick
 * file, a script) and one {@link dev.dtcharness.simulator.market.price.SymbolMarket} per symbol that
 * combines a source with scripted moves and fans its events out as primitive callbacks. Not yet wired
 * to sessions or the exchange; see simulator/MARKET.md.
 */
package dev.dtcharness.simulator.market.price;
