package dev.dtcharness.simulator.market.price;

/**
 * Where a symbol's prices come from: a model, a recording or nothing at all. A source is a cursor over
 * its own timeline; the {@link SymbolMarket} asks when the next event is due and has it emitted once the
 * market clock has reached that time. Sources are single-threaded and allocate nothing per event.
 */
public interface PriceSource {

    /** {@link #nextEventMillis()} of a source with nothing more to say. */
    long NO_MORE_EVENTS = Long.MAX_VALUE;

    /** Called once, before anything else: the market clock's time when the market opens. */
    void start(long startMillis);

    /** Market-clock time of the next event, or {@link #NO_MORE_EVENTS}. */
    long nextEventMillis();

    /** Emits the event(s) due at {@link #nextEventMillis()} and moves on to the next. */
    void emitNext(MarketListener out);

    /**
     * A script moved the market by {@code deltaTicks} (a set price, a move or a gap): carry on from
     * there, so the next event follows the scripted price rather than snapping back.
     */
    void shift(long deltaTicks);

    /** A source that never emits: the price moves only when a script moves it. */
    static PriceSource scriptOnly() {
        return new ScriptOnlySource();
    }
}
