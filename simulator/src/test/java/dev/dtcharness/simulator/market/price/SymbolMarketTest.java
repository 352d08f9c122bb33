package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.simulator.market.TickGrid;
import dev.dtcharness.simulator.market.instrument.Instrument;
import dev.dtcharness.simulator.market.instrument.InstrumentTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolMarketTest {

    private static final TickGrid ES = TickGrid.of(0.25);
    private static final long START = 1_765_200_600_000L;

    private final SimulatedMarketClock clock = MarketClock.simulated(START);
    private final RecordingListener events = new RecordingListener();

    private SymbolMarket scripted() {
        SymbolMarket market = SymbolMarket.builder("ESZ6", ES, clock).scriptTradeSize(2).scriptQuoteSize(30).build();
        market.addListener(events);
        return market;
    }

    private SymbolMarket walking(long seed) {
        SymbolMarket market = SymbolMarket.builder("ESZ6", ES, clock)
                .source(RandomWalkSource.builder().seed(seed).startTicks(18000).tradesPerSecond(40)
                        .volatilityTicksPerSqrtSecond(3).build())
                .build();
        market.addListener(events);
        return market;
    }

    @Test
    void aMarketBuiltOnAnInstrumentsGridPricesOnThatInstrumentsTick() {
        Instrument euro = InstrumentTable.starters().find("6E").orElseThrow();
        SymbolMarket market = SymbolMarket.builder(euro.symbol(), euro.grid(), clock).build();
        market.addListener(events);
        market.setPrice("1.08455");
        assertThat(events.tradePrices()).containsExactly(21691L);
        assertThat(market.grid().price(market.lastTradeTicks())).isEqualTo(1.08455);
        assertThatThrownBy(() -> market.setPrice("1.08452"))
                .hasMessage("price: 1.08452 (expected: a multiple of the tick size 0.00005)");
    }

    @Test
    void aGapJumpsWithNoTradeAtThePricesInBetween() {
        SymbolMarket market = scripted();
        market.setPrice("4500.00");
        market.gap(-20);
        assertThat(events.tradePrices()).containsExactly(18000L, 17980L);
        // a sell stop at 4497.50 sees its first trade at or below it at the gap's price, not its own
        long stop = ES.ticks("4497.50");
        assertThat(events.tradePrices().stream().filter(p -> p <= stop).findFirst()).contains(17980L);
        assertThat(market.bidTicks()).isEqualTo(17980);
        assertThat(market.askTicks()).isEqualTo(17981);
        assertThat(events.events).last().isEqualTo("trade " + START + " 17980 x2.0 AT_BID");
    }

    @Test
    void aGapInAWalkingMarketLeavesNothingBetweenTheLastTradeAndTheGap() {
        SymbolMarket market = walking(11);
        clock.advanceBy(5_000);
        market.advance();
        long before = market.lastTradeTicks();
        int tradesBefore = events.trades.size();
        market.gap(+40);
        clock.advanceBy(5_000);
        market.advance();
        List<Long> after = events.tradePrices().subList(tradesBefore, events.trades.size());
        assertThat(after.get(0)).isEqualTo(before + 40);
        // the walk carries on from the gap's level, not from where it was
        assertThat(after.subList(1, after.size())).isNotEmpty()
                .allSatisfy(p -> assertThat(p).isBetween(before + 40 - 30, before + 40 + 30));
    }

    @Test
    void aMoveTradesAtEveryTickOnTheWay() {
        SymbolMarket market = scripted();
        market.setPrice(4500.00);
        market.move(-4);
        market.move(2);
        assertThat(events.tradePrices()).containsExactly(18000L, 17999L, 17998L, 17997L, 17996L, 17997L, 17998L);
        assertThat(market.lastTradeTicks()).isEqualTo(17998);
        assertThat(market.askTicks() - market.bidTicks()).isEqualTo(1);
    }

    @Test
    void aSetPriceOpensAScriptedBookWithItsDefaultSizes() {
        SymbolMarket market = scripted();
        market.setPrice("4501.25");
        assertThat(events.events).containsExactly(
                "quote " + START + " 18005 x30.0 / 18006 x30.0",
                "trade " + START + " 18005 x2.0 AT_BID");
        market.setPrice("4501.50");
        assertThat(events.events.subList(2, 4)).containsExactly(
                "quote " + START + " 18005 x30.0 / 18006 x30.0",
                "trade " + START + " 18006 x2.0 AT_ASK");
    }

    @Test
    void aHaltStopsTradesAndQuotesUntilResume() {
        SymbolMarket market = walking(3);
        clock.advanceBy(10_000);
        market.advance();
        assertThat(events.trades).hasSizeGreaterThan(100);
        market.halt();
        int atHalt = events.events.size();
        long haltedAt = clock.nowMillis();

        clock.advanceBy(10_000);
        market.advance();
        market.halt();
        assertThat(events.events.subList(atHalt - 1, events.events.size())).containsExactly("halt " + haltedAt);
        assertThat(market.isHalted()).isTrue();

        market.resume();
        long resumedAt = clock.nowMillis();
        assertThat(events.events.subList(atHalt, events.events.size())).containsExactly(
                "resume " + resumedAt,
                "quote " + resumedAt + " " + market.bidTicks() + " x" + market.bidSize()
                        + " / " + market.askTicks() + " x" + market.askSize());
        int atResume = events.trades.size();
        clock.advanceBy(10_000);
        market.advance();
        assertThat(events.trades.size() - atResume).isGreaterThan(100);
        assertThat(events.trades.subList(atResume, events.trades.size()))
                .allSatisfy(t -> assertThat(t[0]).isGreaterThan(resumedAt));
    }

    @Test
    void aScriptedPriceDuringAHaltIsTheBookShownOnResume() {
        SymbolMarket market = scripted();
        market.setPrice("4500.00");
        market.halt();
        clock.advanceBy(60_000);
        market.setPrice("4490.00");
        assertThat(events.events).hasSize(3);
        market.resume();
        assertThat(events.events.subList(3, 5)).containsExactly(
                "resume " + (START + 60_000),
                "quote " + (START + 60_000) + " 17960 x30.0 / 17961 x30.0");
    }

    @Test
    void aSeededMarketWithTheSameScriptPlaysTheSameTwice() {
        List<String> first = playScriptedDay(21);
        List<String> second = playScriptedDay(21);
        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(second).isEqualTo(first);
        assertThat(playScriptedDay(22)).isNotEqualTo(first);
    }

    private static List<String> playScriptedDay(long seed) {
        SimulatedMarketClock clock = MarketClock.simulated(START);
        SymbolMarket market = SymbolMarket.builder("ESZ6", ES, clock)
                .source(RandomWalkSource.builder().seed(seed).startTicks(18000).tradesPerSecond(25).build())
                .build();
        RecordingListener events = new RecordingListener();
        market.addListener(events);
        clock.advanceBy(20_000);
        market.gap(-20);
        clock.advanceBy(5_000);
        market.halt();
        clock.advanceBy(5_000);
        market.resume();
        market.move(6);
        clock.advanceBy(20_000);
        market.setPrice("4510.00");
        clock.advanceBy(10_000);
        market.advance();
        return events.events;
    }

    @Test
    void eventsComeInTimeOrderWhateverAdvancesThem() {
        SymbolMarket market = walking(5);
        clock.advanceBy(3_000);
        market.gap(5);
        market.advanceTo(START + 1_000);
        clock.advanceBy(3_000);
        market.move(-3);
        market.advance();
        long previous = 0;
        for (String event : events.events) {
            long time = Long.parseLong(event.split(" ")[1]);
            assertThat(time).isGreaterThanOrEqualTo(previous);
            previous = time;
        }
        assertThat(previous).isEqualTo(START + 6_000);
    }

    @Test
    void everyListenerHearsEverythingUntilRemoved() {
        SymbolMarket market = scripted();
        RecordingListener second = new RecordingListener();
        market.addListener(second);
        market.setPrice("4500.00");
        market.removeListener(events);
        market.move(1);
        assertThat(events.tradePrices()).containsExactly(18000L);
        assertThat(second.tradePrices()).containsExactly(18000L, 18001L);
    }

    @Test
    void scriptedStepsSayWhatIsWrong() {
        SymbolMarket market = scripted();
        assertThatThrownBy(() -> market.gap(-20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gap ESZ6: the market has no price yet (expected: a price first)");
        assertThatThrownBy(() -> market.move(1))
                .hasMessage("move ESZ6: the market has no price yet (expected: a price first)");
        assertThatThrownBy(() -> market.setPrice("4501.30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price: 4501.30 (expected: a multiple of the tick size 0.25)");
        assertThat(events.events).isEmpty();
    }
}
