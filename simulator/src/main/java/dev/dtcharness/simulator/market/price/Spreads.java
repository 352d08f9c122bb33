package dev.dtcharness.simulator.market.price;

/** The one rule for a spread in ticks, shared by a source's model and a scripted book. */
final class Spreads {
    private Spreads() {
    }

    /** {@code ticks}, or a plain error when a book could not have it: bid and ask at least one tick apart. */
    static long checked(long ticks) {
        if (ticks < 1) {
            throw new IllegalArgumentException("spreadTicks: " + ticks + " (expected: at least 1)");
        }
        return ticks;
    }
}
