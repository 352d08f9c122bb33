package dev.dtcharness.simulator.market.price;

/** The source of a market that only a script moves. */
final class ScriptOnlySource implements PriceSource {

    @Override
    public void start(long startMillis) {
    }

    @Override
    public long nextEventMillis() {
        return NO_MORE_EVENTS;
    }

    @Override
    public void emitNext(MarketListener out) {
        throw new IllegalStateException("a script-only source has no events");
    }

    @Override
    public void shift(long deltaTicks) {
    }

    @Override
    public String toString() {
        return "script only";
    }
}
