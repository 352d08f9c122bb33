package dev.dtcharness.simulator.market.price;

import dev.dtcharness.protocol.enums.AtBidOrAsk;
import dev.dtcharness.simulator.market.TickGrid;
import java.lang.management.ManagementFactory;

/**
 * A rough figure, not a test: how many events a second one random-walk market makes and fans out to
 * N listeners in this JVM (no encoding, no sockets), and how many bytes it allocates per event once
 * warm. Run by hand after {@code mvn -o -q -pl simulator -am test-compile}:
 * {@code java -cp simulator/target/test-classes:simulator/target/classes:protocol/target/classes
 * dev.dtcharness.simulator.market.price.RandomWalkThroughput [listeners [mixed]]}; "mixed" uses three
 * listener classes in turn, so the JIT cannot inline one.
 */
public final class RandomWalkThroughput {

    /** Counts and sums what it hears, so the JIT cannot drop the work. */
    static class Counter implements MarketListener {
        long events;
        long checksum;

        @Override
        public void trade(long timeMillis, long priceTicks, double size, AtBidOrAsk aggressor) {
            events++;
            checksum += priceTicks + (long) size + aggressor.ordinal();
        }

        @Override
        public void quote(long timeMillis, long bidTicks, double bidSize, long askTicks, double askSize) {
            events++;
            checksum += bidTicks ^ askTicks;
        }

        @Override
        public void halted(long timeMillis, boolean halted) {
            events++;
        }
    }

    /** Two more listener classes, so "mixed" makes the fan-out call site megamorphic, as real subscribers would. */
    static final class SecondCounter extends Counter {
        @Override
        public void quote(long timeMillis, long bidTicks, double bidSize, long askTicks, double askSize) {
            events++;
            checksum += bidTicks + askTicks;
        }
    }

    static final class ThirdCounter extends Counter {
        @Override
        public void trade(long timeMillis, long priceTicks, double size, AtBidOrAsk aggressor) {
            events++;
            checksum += priceTicks ^ (long) size;
        }
    }

    public static void main(String[] args) {
        int listeners = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        boolean mixed = args.length > 1 && args[1].equals("mixed");
        SimulatedMarketClock clock = MarketClock.simulated(1_765_200_600_000L);
        SymbolMarket market = SymbolMarket.builder("ESZ6", TickGrid.of(0.25), clock)
                .source(RandomWalkSource.builder().seed(1).startTicks(18000).tradesPerSecond(1_000_000)
                        .volatilityTicksPerSqrtSecond(20).build())
                .build();
        Counter[] counters = new Counter[listeners];
        for (int i = 0; i < listeners; i++) {
            counters[i] = !mixed || i % 3 == 0 ? new Counter() : i % 3 == 1 ? new SecondCounter() : new ThirdCounter();
            market.addListener(counters[i]);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < 8; round++) {
            long eventsBefore = counters[0].events;
            long bytesBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            // two seconds of market time at a million trades a second: about 4 million events
            for (int ms = 0; ms < 2000; ms++) {
                clock.advanceBy(1);
                market.advance();
            }
            long nanos = System.nanoTime() - start;
            long bytes = threads.getThreadAllocatedBytes(thread) - bytesBefore;
            long events = counters[0].events - eventsBefore;
            System.out.printf("round %d%s: %,d events in %.0f ms = %,.0f events/s from the source, "
                            + "%,.0f listener calls/s, %.3f bytes allocated per event%n",
                    round, round < 3 ? " (warm-up)" : "", events, nanos / 1e6, events * 1e9 / nanos,
                    events * (double) listeners * 1e9 / nanos, bytes / (double) events);
        }
        long checksum = 0;
        for (Counter c : counters) {
            checksum += c.checksum;
        }
        System.out.println("checksum " + checksum);
    }
}
