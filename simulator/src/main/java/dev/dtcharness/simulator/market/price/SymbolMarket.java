package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;
import dev.dtcharness.simulator.market.TickGrid;
import java.util.Arrays;
import java.util.Objects;

/**
 * One symbol's market: a {@link PriceSource} plus the scripted moves a scenario makes (set the price,
 * move it, gap it, halt and resume), fanned out to {@link MarketListener}s as the clock advances. It
 * also keeps the current book and last trade, so a late subscriber can be given a snapshot.
 *
 * <p>Confined to one thread (the one that advances it); listeners are called on it, in order.
 *
 * <p>The three ways to move the price differ in what trades: {@link #move} trades at every tick on the
 * way (a stop in between triggers at its own price), {@link #gap} and {@link #setPrice} jump with one
 * trade at the destination and none in between (a stop in between triggers at the next price).
 * While halted nothing reaches the listeners, though time goes on: the source keeps running unseen and
 * scripted moves still move the book, so {@link #resume} shows the book where it is then.
 *
 * <p>One file over 300 lines: the scripted moves, the source's play and the halt all change the one book and
 * last trade this class keeps, and must keep them consistent with what listeners were told.
 */
public final class SymbolMarket {

    private final String symbol;
    private final TickGrid grid;
    private final MarketClock clock;
    private final PriceSource source;
    private final long defaultSpreadTicks;
    private final double scriptTradeSize;
    private final double scriptQuoteSize;
    private final Gate gate = new Gate();

    private MarketListener[] listeners = new MarketListener[0];
    private long advancedToMillis;
    private boolean halted;
    private boolean hasTrade;
    private long lastTradeTicks;
    private double lastTradeSize;
    private boolean hasQuote;
    private long bidTicks;
    private long askTicks;
    private double bidSize;
    private double askSize;

    private SymbolMarket(Builder b) {
        this.symbol = b.symbol;
        this.grid = b.grid;
        this.clock = b.clock;
        this.source = b.source;
        this.defaultSpreadTicks = b.spreadTicks;
        this.scriptTradeSize = b.scriptTradeSize;
        this.scriptQuoteSize = b.scriptQuoteSize;
        this.advancedToMillis = clock.nowMillis();
        source.start(advancedToMillis);
    }

    public static Builder builder(String symbol, TickGrid grid, MarketClock clock) {
        return new Builder(symbol, grid, clock);
    }

    public void addListener(MarketListener listener) {
        Objects.requireNonNull(listener, "listener");
        MarketListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        listeners = more;
    }

    public void removeListener(MarketListener listener) {
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == listener) {
                MarketListener[] fewer = new MarketListener[listeners.length - 1];
                System.arraycopy(listeners, 0, fewer, 0, i);
                System.arraycopy(listeners, i + 1, fewer, i, fewer.length - i);
                listeners = fewer;
                return;
            }
        }
    }

    /** Plays every source event due at or before the market clock's time. */
    public void advance() {
        advanceTo(clock.nowMillis());
    }

    /** Plays every source event due at or before {@code timeMillis}; a time already passed does nothing. */
    public void advanceTo(long timeMillis) {
        while (source.nextEventMillis() <= timeMillis) {
            source.emitNext(gate);
        }
        if (timeMillis > advancedToMillis) {
            advancedToMillis = timeMillis;
        }
    }

    /** The scenario step {@code price ES 4501.25}: jump there, one trade at that price. */
    public void setPrice(double price) {
        setPriceTicks(grid.ticks(price));
    }

    /** {@link #setPrice(double)} with a price written as text, checked against the grid exactly. */
    public void setPrice(String decimalPrice) {
        setPriceTicks(grid.ticks(decimalPrice));
    }

    public void setPriceTicks(long ticks) {
        advance();
        jumpTo(advancedToMillis, ticks, hasReference() ? referenceTicks() : ticks);
    }

    /** Moves by {@code ticks} one tick at a time, trading at every price on the way. */
    public void move(long ticks) {
        advance();
        long from = requireReference("move");
        long direction = Long.signum(ticks);
        long time = advancedToMillis;
        for (long i = 1; i <= Math.abs(ticks); i++) {
            jumpTo(time, from + direction * i, from + direction * (i - 1));
        }
    }

    /** The scenario step {@code gap ES -20 ticks}: jump by {@code ticks} with no trade in between. */
    public void gap(long ticks) {
        advance();
        long from = requireReference("gap");
        jumpTo(advancedToMillis, from + ticks, from);
    }

    /** The scenario step {@code halt CL}. Halting a halted market does nothing. */
    public void halt() {
        advance();
        if (halted) {
            return;
        }
        halted = true;
        MarketListener[] to = listeners;
        for (MarketListener l : to) {
            l.halted(advancedToMillis, true);
        }
    }

    /** Trading resumes, and listeners are shown the book as it is now. */
    public void resume() {
        advance();
        if (!halted) {
            return;
        }
        halted = false;
        MarketListener[] to = listeners;
        for (MarketListener l : to) {
            l.halted(advancedToMillis, false);
        }
        if (hasQuote) {
            for (MarketListener l : to) {
                l.quote(advancedToMillis, bidTicks, bidSize, askTicks, askSize);
            }
        }
    }

    /**
     * The book moves to {@code target} (the ask when rising, the bid when falling, keeping the spread),
     * then one trade prints there; the source is shifted by as many ticks as the trade price moved, so it
     * carries on from there.
     */
    private void jumpTo(long time, long target, long from) {
        long spread = hasQuote ? Math.max(1, askTicks - bidTicks) : defaultSpreadTicks;
        boolean rising = target > from;
        long newBid = rising ? target - spread : target;
        if (target == from && hasQuote && target >= bidTicks && target <= askTicks) {
            // setting the price it already has: the book stays, the trade prints on its side
            newBid = bidTicks;
            rising = target == askTicks && target != bidTicks;
        }
        double newBidSize = hasQuote ? bidSize : scriptQuoteSize;
        double newAskSize = hasQuote ? askSize : scriptQuoteSize;
        gate.quote(time, newBid, newBidSize, newBid + spread, newAskSize);
        gate.trade(time, target, scriptTradeSize, rising ? AtBidOrAsk.AT_ASK : AtBidOrAsk.AT_BID);
        if (target != from) {
            source.shift(target - from);
        }
    }

    private boolean hasReference() {
        return hasTrade || hasQuote;
    }

    private long referenceTicks() {
        return hasTrade ? lastTradeTicks : bidTicks;
    }

    private long requireReference(String step) {
        if (!hasReference()) {
            throw new IllegalStateException(step + " " + symbol + ": the market has no price yet (expected: a price first)");
        }
        return referenceTicks();
    }

    public String symbol() {
        return symbol;
    }

    public TickGrid grid() {
        return grid;
    }

    public boolean isHalted() {
        return halted;
    }

    public boolean hasTrade() {
        return hasTrade;
    }

    public long lastTradeTicks() {
        return lastTradeTicks;
    }

    public double lastTradeSize() {
        return lastTradeSize;
    }

    public boolean hasQuote() {
        return hasQuote;
    }

    public long bidTicks() {
        return bidTicks;
    }

    public long askTicks() {
        return askTicks;
    }

    public double bidSize() {
        return bidSize;
    }

    public double askSize() {
        return askSize;
    }

    @Override
    public String toString() {
        return "SymbolMarket[" + symbol + ", " + source + (halted ? ", halted" : "") + "]";
    }

    /** Every event passes here: it updates the book, then reaches the listeners unless halted. */
    private final class Gate implements MarketListener {
        @Override
        public void trade(long timeMillis, long priceTicks, double size, AtBidOrAsk aggressor) {
            hasTrade = true;
            lastTradeTicks = priceTicks;
            lastTradeSize = size;
            if (halted) {
                return;
            }
            MarketListener[] to = listeners;
            for (MarketListener l : to) {
                l.trade(timeMillis, priceTicks, size, aggressor);
            }
        }

        @Override
        public void quote(long timeMillis, long bid, double bidQuantity, long ask, double askQuantity) {
            hasQuote = true;
            bidTicks = bid;
            bidSize = bidQuantity;
            askTicks = ask;
            askSize = askQuantity;
            if (halted) {
                return;
            }
            MarketListener[] to = listeners;
            for (MarketListener l : to) {
                l.quote(timeMillis, bid, bidQuantity, ask, askQuantity);
            }
        }

        @Override
        public void halted(long timeMillis, boolean halted) {
            throw new IllegalStateException("sources do not halt; the script does");
        }
    }

    /** How one symbol's market is made; only the source is usually set. */
    public static final class Builder {
        private final String symbol;
        private final TickGrid grid;
        private final MarketClock clock;
        private PriceSource source = PriceSource.scriptOnly();
        private long spreadTicks = 1;
        private double scriptTradeSize = 1;
        private double scriptQuoteSize = 1;

        private Builder(String symbol, TickGrid grid, MarketClock clock) {
            if (symbol == null || symbol.isBlank()) {
                throw new IllegalArgumentException("symbol: '" + symbol + "' (expected: a symbol such as ESZ6)");
            }
            this.symbol = symbol;
            this.grid = Objects.requireNonNull(grid, "grid");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Where prices come from between scripted moves (default: nowhere, {@link PriceSource#scriptOnly()}). */
        public Builder source(PriceSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The spread of a scripted book before any quote exists. */
        public Builder spreadTicks(long ticks) {
            this.spreadTicks = Spreads.checked(ticks);
            return this;
        }

        /** The size of each trade a scripted move prints. */
        public Builder scriptTradeSize(double size) {
            this.scriptTradeSize = requirePositive("scriptTradeSize", size);
            return this;
        }

        /** Bid and ask size of a scripted book before any quote exists. */
        public Builder scriptQuoteSize(double size) {
            this.scriptQuoteSize = requirePositive("scriptQuoteSize", size);
            return this;
        }

        public SymbolMarket build() {
            return new SymbolMarket(this);
        }

        private static double requirePositive(String setting, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(setting + ": " + value + " (expected: a positive number)");
            }
            return value;
        }
    }
}
