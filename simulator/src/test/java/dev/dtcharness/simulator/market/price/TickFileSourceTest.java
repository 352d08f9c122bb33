package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.simulator.market.TickGrid;
import org.junit.jupiter.api.Test;

class TickFileSourceTest {

    private static final TickGrid ES = TickGrid.of(0.25);
    private static final long START = 1_800_000_000_000L;

    private static RecordingListener replay(double speed, long untilMillisAfterStart) throws Exception {
        TickFile file = TickFile.read(TickFileTest.resource("es-ticks.csv"), ES, 10);
        SimulatedMarketClock clock = MarketClock.simulated(START);
        SymbolMarket market = SymbolMarket.builder("ESZ6", ES, clock).source(new TickFileSource(file, speed)).build();
        RecordingListener events = new RecordingListener();
        market.addListener(events);
        clock.advanceBy(untilMillisAfterStart);
        market.advance();
        return events;
    }

    @Test
    void replaysEveryLineAtItsRecordedGapOnTheMarketClock() throws Exception {
        RecordingListener events = replay(1, 60_000);
        assertThat(events.events).containsExactly(
                "quote 1800000000000 18000 x10.0 / 18001 x10.0",
                "quote 1800000000000 18000 x10.0 / 18001 x10.0",
                "trade 1800000000000 18001 x2.0 AT_ASK",
                "trade 1800000000400 18000 x1.0 AT_BID",
                "quote 1800000001000 18001 x10.0 / 18002 x10.0",
                "quote 1800000002000 18001 x10.0 / 18002 x10.0",
                "trade 1800000002000 18002 x3.0 AT_ASK",
                "quote 1800000004000 18002 x10.0 / 18003 x10.0",
                "trade 1800000004000 18003 x1.0 AT_ASK",
                "quote 1800000010000 18002 x10.0 / 18003 x10.0",
                "trade 1800000010000 18002 x5.0 AT_BID");
    }

    @Test
    void atSpeedTwoTheSameTicksTakeHalfTheClockTime() throws Exception {
        RecordingListener normal = replay(1, 60_000);
        RecordingListener fast = replay(2, 60_000);
        assertThat(fast.trades).hasSameSizeAs(normal.trades);
        for (int i = 0; i < normal.trades.size(); i++) {
            assertThat(fast.trades.get(i)[1]).isEqualTo(normal.trades.get(i)[1]);
            assertThat(fast.trades.get(i)[0] - START).isEqualTo((normal.trades.get(i)[0] - START) / 2);
        }
        assertThat(fast.trades.get(fast.trades.size() - 1)[0]).isEqualTo(START + 5_000);
    }

    @Test
    void onlyTheLinesDueByNowArePlayed() throws Exception {
        RecordingListener fast = replay(2, 2_000);
        // at speed 2, two seconds of clock is four recorded seconds: the last two lines are still to come
        assertThat(fast.tradePrices()).containsExactly(18001L, 18000L, 18002L, 18003L);
    }

    @Test
    void aScriptedMoveShiftsTheRestOfTheRecording() throws Exception {
        TickFile file = TickFile.read(TickFileTest.resource("es-ticks.csv"), ES, 10);
        SimulatedMarketClock clock = MarketClock.simulated(START);
        SymbolMarket market = SymbolMarket.builder("ESZ6", ES, clock).source(new TickFileSource(file, 1)).build();
        RecordingListener events = new RecordingListener();
        market.addListener(events);
        clock.advanceBy(3_000);
        market.gap(-20);
        clock.advanceBy(60_000);
        market.advance();
        // recorded 18003 and 18002 after the gap, 20 ticks lower
        assertThat(events.tradePrices()).endsWith(17982L, 17983L, 17982L);
    }

    @Test
    void aSpeedMustBePositive() throws Exception {
        TickFile file = TickFile.read(TickFileTest.resource("es-ticks.csv"), ES, 10);
        assertThatThrownBy(() -> new TickFileSource(file, 0))
                .hasMessage("speed: 0.0 (expected: a positive number, 1 = as recorded)");
    }
}
