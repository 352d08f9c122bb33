package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;

/**
 * Replays a {@link TickFile} against the market clock: the first line plays when the market starts and
 * every later one after its recorded gap divided by {@code speed} (speed 2 plays an hour in half an hour
 * of market time). Events carry the market-clock time, not the recorded one. A scripted move shifts
 * every later price by the same number of ticks, so the recording keeps its shape from the new level.
 */
public final class TickFileSource implements PriceSource {

    private final TickFile file;
    private final double speed;

    private long startMillis;
    private int row;
    private long offsetTicks;
    private long lastBid;
    private long lastAsk;
    private boolean quoteSeen;

    public TickFileSource(TickFile file, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected: a positive number, 1 = as recorded)");
        }
        this.file = file;
        this.speed = speed;
    }

    @Override
    public void start(long startMillis) {
        this.startMillis = startMillis;
        this.row = 0;
        this.offsetTicks = 0;
        this.quoteSeen = false;
    }

    @Override
    public long nextEventMillis() {
        if (row >= file.rows()) {
            return NO_MORE_EVENTS;
        }
        return startMillis + Math.round((file.time(row) - file.time(0)) / speed);
    }

    @Override
    public void emitNext(MarketListener out) {
        long time = nextEventMillis();
        int r = row++;
        if (file.hasQuote(r)) {
            lastBid = file.bidTicks(r);
            lastAsk = file.askTicks(r);
            quoteSeen = true;
            out.quote(time, lastBid + offsetTicks, file.bidSize(r), lastAsk + offsetTicks, file.askSize(r));
        }
        if (file.hasTrade(r)) {
            long price = file.priceTicks(r);
            out.trade(time, price + offsetTicks, file.size(r), aggressor(price));
        }
    }

    @Override
    public void shift(long deltaTicks) {
        offsetTicks += deltaTicks;
    }

    /** The recording has no aggressor column; a trade at or through a side of the book was taken there. */
    private AtBidOrAsk aggressor(long price) {
        if (!quoteSeen) {
            return AtBidOrAsk.BID_ASK_UNSET;
        }
        if (price >= lastAsk) {
            return AtBidOrAsk.AT_ASK;
        }
        if (price <= lastBid) {
            return AtBidOrAsk.AT_BID;
        }
        return AtBidOrAsk.BID_ASK_UNSET;
    }

    @Override
    public String toString() {
        return "tick file " + file.name() + " at speed " + speed;
    }
}
