package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;
import java.util.SplittableRandom;

/**
 * A seeded random walk on the tick grid: trades arrive as a Poisson process (exponential gaps on the
 * market clock), each moves the bid by a normal step rounded to whole ticks, the ask sits a fixed spread
 * above, and the trade prints at the ask when the price rose (a buyer crossed), at the bid when it fell.
 *
 * <p>Same seed, same events: the draws use only {@link SplittableRandom#nextDouble()} and
 * {@code nextLong(origin, bound)}, whose algorithms are fixed, and {@link StrictMath}, whose results do
 * not vary between JVMs or CPUs (unlike {@code RandomGenerator.nextGaussian()} or {@code Math.log}).
 */
public final class RandomWalkSource implements PriceSource {

    private final long seed;
    private final long startTicks;
    private final double volatilityTicks;
    private final boolean volatilityPerSqrtSecond;
    private final double meanGapMillis;
    private final long spreadTicks;
    private final long minQuoteSize;
    private final long maxQuoteSize;
    private final long minTradeSize;
    private final long maxTradeSize;
    private final long floorTicks;

    private SplittableRandom random;
    private long bidTicks;
    private double bidSize;
    private double askSize;
    private boolean openingQuotePending;
    private double previousTimeExact;
    private double nextTimeExact;
    private long nextTimeMillis = NO_MORE_EVENTS;
    private boolean spareGaussianReady;
    private double spareGaussian;

    private RandomWalkSource(Builder b) {
        this.seed = b.seed;
        this.startTicks = b.startTicks;
        this.volatilityTicks = b.volatilityTicks;
        this.volatilityPerSqrtSecond = b.volatilityPerSqrtSecond;
        this.meanGapMillis = 1000.0 / b.tradesPerSecond;
        this.spreadTicks = b.spreadTicks;
        this.minQuoteSize = b.minQuoteSize;
        this.maxQuoteSize = b.maxQuoteSize;
        this.minTradeSize = b.minTradeSize;
        this.maxTradeSize = b.maxTradeSize;
        this.floorTicks = b.floorTicks;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void start(long startMillis) {
        random = new SplittableRandom(seed);
        bidTicks = Math.max(startTicks, floorTicks);
        bidSize = drawSize(minQuoteSize, maxQuoteSize);
        askSize = drawSize(minQuoteSize, maxQuoteSize);
        spareGaussianReady = false;
        // The market opens with a quote at once, so a snapshot taken before the first trade has a book.
        openingQuotePending = true;
        previousTimeExact = startMillis;
        nextTimeExact = startMillis;
        nextTimeMillis = startMillis;
    }

    @Override
    public long nextEventMillis() {
        return nextTimeMillis;
    }

    @Override
    public void emitNext(MarketListener out) {
        long time = nextTimeMillis;
        if (openingQuotePending) {
            openingQuotePending = false;
            out.quote(time, bidTicks, bidSize, bidTicks + spreadTicks, askSize);
            scheduleNext();
            return;
        }
        double sigma = volatilityPerSqrtSecond
                ? volatilityTicks * StrictMath.sqrt((nextTimeExact - previousTimeExact) / 1000.0)
                : volatilityTicks;
        long step = Math.round(nextGaussian() * sigma);
        long newBid = Math.max(floorTicks, bidTicks + step);
        step = newBid - bidTicks;
        double newBidSize = drawSize(minQuoteSize, maxQuoteSize);
        double newAskSize = drawSize(minQuoteSize, maxQuoteSize);
        AtBidOrAsk aggressor = step > 0 ? AtBidOrAsk.AT_ASK
                : step < 0 ? AtBidOrAsk.AT_BID
                : random.nextDouble() < 0.5 ? AtBidOrAsk.AT_BID : AtBidOrAsk.AT_ASK;
        double tradeSize = drawSize(minTradeSize, maxTradeSize);
        if (newBid != bidTicks || newBidSize != bidSize || newAskSize != askSize) {
            bidTicks = newBid;
            bidSize = newBidSize;
            askSize = newAskSize;
            out.quote(time, bidTicks, bidSize, bidTicks + spreadTicks, askSize);
        }
        long tradeTicks = aggressor == AtBidOrAsk.AT_ASK ? bidTicks + spreadTicks : bidTicks;
        out.trade(time, tradeTicks, tradeSize, aggressor);
        scheduleNext();
    }

    @Override
    public void shift(long deltaTicks) {
        bidTicks = Math.max(floorTicks, bidTicks + deltaTicks);
    }

    private void scheduleNext() {
        previousTimeExact = nextTimeExact;
        // 1 - u is in (0, 1], so the logarithm is finite.
        nextTimeExact += -StrictMath.log(1.0 - random.nextDouble()) * meanGapMillis;
        nextTimeMillis = (long) nextTimeExact;
    }

    /** Box-Muller, both values used; StrictMath keeps it identical on every JVM. */
    private double nextGaussian() {
        if (spareGaussianReady) {
            spareGaussianReady = false;
            return spareGaussian;
        }
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - random.nextDouble()));
        double angle = 2.0 * StrictMath.PI * random.nextDouble();
        spareGaussian = radius * StrictMath.sin(angle);
        spareGaussianReady = true;
        return radius * StrictMath.cos(angle);
    }

    private double drawSize(long min, long max) {
        return min == max ? min : random.nextLong(min, max + 1);
    }

    @Override
    public String toString() {
        return "random walk (seed " + seed + ", " + volatilityTicks + " ticks per "
                + (volatilityPerSqrtSecond ? "sqrt(second)" : "step") + ", "
                + (1000.0 / meanGapMillis) + " trades/s, spread " + spreadTicks + ")";
    }

    /** Settings of a random walk; every one has a default except where the market starts. */
    public static final class Builder {
        private long seed = 1;
        private Long startTicksSet;
        private long startTicks;
        private double volatilityTicks = 1.0;
        private boolean volatilityPerSqrtSecond = true;
        private double tradesPerSecond = 10;
        private long spreadTicks = 1;
        private long minQuoteSize = 1;
        private long maxQuoteSize = 20;
        private long minTradeSize = 1;
        private long maxTradeSize = 5;
        private long floorTicks = 1;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where the bid starts, in ticks of the symbol's grid. */
        public Builder startTicks(long startTicks) {
            this.startTicksSet = startTicks;
            this.startTicks = startTicks;
            return this;
        }

        /** Standard deviation of the price after one second, in ticks; a step's scales with its gap. */
        public Builder volatilityTicksPerSqrtSecond(double ticks) {
            this.volatilityTicks = requireNonNegative("volatilityTicksPerSqrtSecond", ticks);
            this.volatilityPerSqrtSecond = true;
            return this;
        }

        /** Standard deviation of every step in ticks, whatever the time between trades. */
        public Builder volatilityTicksPerStep(double ticks) {
            this.volatilityTicks = requireNonNegative("volatilityTicksPerStep", ticks);
            this.volatilityPerSqrtSecond = false;
            return this;
        }

        /** Mean trade rate; the gaps between trades are exponential with this rate. */
        public Builder tradesPerSecond(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("tradesPerSecond: " + rate + " (expected: a positive number)");
            }
            this.tradesPerSecond = rate;
            return this;
        }

        public Builder spreadTicks(long ticks) {
            this.spreadTicks = Spreads.checked(ticks);
            return this;
        }

        /** Bid and ask sizes, each drawn uniformly from whole numbers in [min, max] at every trade. */
        public Builder quoteSize(long min, long max) {
            requireRange("quoteSize", min, max);
            this.minQuoteSize = min;
            this.maxQuoteSize = max;
            return this;
        }

        /** Trade sizes, drawn uniformly from whole numbers in [min, max]. */
        public Builder tradeSize(long min, long max) {
            requireRange("tradeSize", min, max);
            this.minTradeSize = min;
            this.maxTradeSize = max;
            return this;
        }

        /** The lowest bid the walk may reach (default 1 tick: prices stay positive). */
        public Builder floorTicks(long ticks) {
            this.floorTicks = ticks;
            return this;
        }

        public RandomWalkSource build() {
            if (startTicksSet == null) {
                throw new IllegalArgumentException("startTicks: unset (expected: the starting bid in ticks)");
            }
            if (startTicks < floorTicks) {
                throw new IllegalArgumentException("startTicks: " + startTicks
                        + " (expected: at least floorTicks " + floorTicks + ")");
            }
            return new RandomWalkSource(this);
        }

        private static double requireNonNegative(String setting, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(setting + ": " + value + " (expected: a number >= 0)");
            }
            return value;
        }

        private static void requireRange(String setting, long min, long max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException(setting + ": " + min + ".." + max
                        + " (expected: 1 <= min <= max)");
            }
        }
    }
}
