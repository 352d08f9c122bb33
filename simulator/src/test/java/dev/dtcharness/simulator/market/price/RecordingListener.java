package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event as a line of text, so two runs compare with one equals and a failure reads plainly. */
final class RecordingListener implements MarketListener {

    final List<String> events = new ArrayList<>();
    final List<long[]> trades = new ArrayList<>();
    final List<long[]> quotes = new ArrayList<>();

    @Override
    public void trade(long timeMillis, long priceTicks, double size, AtBidOrAsk aggressor) {
        events.add("trade " + timeMillis + " " + priceTicks + " x" + size + " " + aggressor);
        trades.add(new long[] {timeMillis, priceTicks});
    }

    @Override
    public void quote(long timeMillis, long bidTicks, double bidSize, long askTicks, double askSize) {
        events.add("quote " + timeMillis + " " + bidTicks + " x" + bidSize + " / " + askTicks + " x" + askSize);
        quotes.add(new long[] {timeMillis, bidTicks, askTicks});
    }

    @Override
    public void halted(long timeMillis, boolean halted) {
        events.add((halted ? "halt " : "resume ") + timeMillis);
    }

    List<Long> tradePrices() {
        return trades.stream().map(t -> t[1]).toList();
    }
}
