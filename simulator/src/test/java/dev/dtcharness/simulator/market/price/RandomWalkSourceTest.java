package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.simulator.market.TickGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWalkSourceTest {

    private static final long START = 1_765_000_000_000L;

    private static RandomWalkSource.Builder es() {
        return RandomWalkSource.builder()
                .startTicks(18000)
                .volatilityTicksPerSqrtSecond(4)
                .tradesPerSecond(50)
                .spreadTicks(1)
                .quoteSize(1, 40)
                .tradeSize(1, 8);
    }

    /** Runs a source for {@code seconds} of market time and returns every event it made. */
    private static RecordingListener run(RandomWalkSource source, long seconds) {
        SimulatedMarketClock clock = MarketClock.simulated(START);
        SymbolMarket market = SymbolMarket.builder("ESZ6", TickGrid.of(0.25), clock).source(source).build();
        RecordingListener events = new RecordingListener();
        market.addListener(events);
        for (int s = 0; s <= seconds; s++) {
            clock.advanceTo(START + s * 1000L);
            market.advance();
        }
        return events;
    }

    @Test
    void theSameSeedMakesTheSameEvents() {
        List<String> first = run(es().seed(42).build(), 60).events;
        List<String> second = run(es().seed(42).build(), 60).events;
        assertThat(first).hasSizeGreaterThan(3000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDifferentSeedMakesDifferentEvents() {
        List<String> first = run(es().seed(42).build(), 60).events;
        List<String> other = run(es().seed(43).build(), 60).events;
        assertThat(other).isNotEqualTo(first);
        // differs from the first trade on, not just somewhere late
        assertThat(other.subList(0, 3)).isNotEqualTo(first.subList(0, 3));
    }

    @Test
    void restartingASourceReplaysItFromTheSeed() {
        RandomWalkSource source = es().seed(7).build();
        List<String> first = run(source, 10).events;
        assertThat(run(source, 10).events).isEqualTo(first);
    }

    @Test
    void opensWithAQuoteThenTradesAtTheTouchWithAFixedSpread() {
        RecordingListener events = run(es().seed(1).build(), 30);
        assertThat(events.events.get(0)).startsWith("quote " + START + " 18000 ");
        assertThat(events.quotes).allSatisfy(q -> assertThat(q[2] - q[1]).isEqualTo(1));
        long[] book = null;
        int quoteIndex = 0;
        for (String event : events.events) {
            if (event.startsWith("quote")) {
                book = events.quotes.get(quoteIndex++);
            } else {
                String[] f = event.split(" ");
                long price = Long.parseLong(f[2]);
                String aggressor = f[4];
                assertThat(price).isEqualTo(aggressor.equals("AT_ASK") ? book[2] : book[1]);
            }
        }
    }

    @Test
    void tradesArriveAtTheRateAskedForInOrderOfTime() {
        RecordingListener events = run(es().seed(3).tradesPerSecond(20).build(), 500);
        // 10,000 expected; a Poisson count's standard deviation is 100, so this is 5 of them each side
        assertThat(events.trades).hasSizeBetween(9500, 10500);
        for (int i = 1; i < events.trades.size(); i++) {
            assertThat(events.trades.get(i)[0]).isGreaterThanOrEqualTo(events.trades.get(i - 1)[0]);
        }
        assertThat(events.trades.get(events.trades.size() - 1)[0]).isLessThanOrEqualTo(START + 500_000);
    }

    @Test
    void volatilityScalesWithTheSquareRootOfTime() {
        RecordingListener events = run(es().seed(5).volatilityTicksPerSqrtSecond(10).build(), 2000);
        // Last bid in each second; the one-second changes should have a standard deviation near 10 ticks.
        long[] lastBidInSecond = new long[2001];
        for (long[] q : events.quotes) {
            lastBidInSecond[(int) ((q[0] - START) / 1000)] = q[1];
        }
        double sumSquares = 0;
        int n = 0;
        for (int s = 1; s < 2000; s++) {
            long change = lastBidInSecond[s] - lastBidInSecond[s - 1];
            sumSquares += change * change;
            n++;
        }
        assertThat(Math.sqrt(sumSquares / n)).isBetween(9.0, 11.0);
    }

    @Test
    void aPerStepVolatilityIgnoresTheTimeBetweenTrades() {
        RecordingListener events = run(es().seed(5).volatilityTicksPerStep(0).quoteSize(5, 5).build(), 20);
        assertThat(events.trades).hasSizeGreaterThan(500);
        assertThat(events.tradePrices()).containsOnly(18000L, 18001L);
        // with nothing changing after the opening quote there is nothing to quote again
        assertThat(events.quotes).hasSize(1);
    }

    @Test
    void theFloorHoldsTheBid() {
        RecordingListener events = run(es().seed(9).startTicks(3).volatilityTicksPerStep(20).build(), 5);
        assertThat(events.quotes).allSatisfy(q -> assertThat(q[1]).isGreaterThanOrEqualTo(1));
        assertThat(events.quotes).anySatisfy(q -> assertThat(q[1]).isEqualTo(1));
    }

    @Test
    void badSettingsSayWhatWasExpected() {
        assertThatThrownBy(() -> RandomWalkSource.builder().build())
                .hasMessage("startTicks: unset (expected: the starting bid in ticks)");
        assertThatThrownBy(() -> RandomWalkSource.builder().tradesPerSecond(0))
                .hasMessage("tradesPerSecond: 0.0 (expected: a positive number)");
        assertThatThrownBy(() -> RandomWalkSource.builder().quoteSize(5, 2))
                .hasMessage("quoteSize: 5..2 (expected: 1 <= min <= max)");
        assertThatThrownBy(() -> RandomWalkSource.builder().spreadTicks(0))
                .hasMessage("spreadTicks: 0 (expected: at least 1)");
    }
}
