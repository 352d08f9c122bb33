package dev.dtcharness.loadtest;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.session.PassBudget;
import dev.dtcharness.simulator.session.Session;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -cp loadtest/target/dtc-loadtest.jar dev.dtcharness.loadtest.FloodFairnessMain}: a
 * well-behaved session's round trip (a market order, submit to FILLED, one at a time) on a quiet
 * simulator, then while another session floods OPEN_ORDERS_REQUEST with working orders on the book,
 * reading its answers at full speed (the loop is never idle) or not at all. Raw sockets on both sides,
 * so the figures are the simulator's. One JSON line per figure set on stdout, progress on stderr.
 */
@Command(name = "flood-fairness", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A well-behaved session's round trip, quiet and beside a flooding session.")
public final class FloodFairnessMain implements Callable<Integer> {

    @Option(names = "--requests", description = "OPEN_ORDERS_REQUESTs the flood sends (default: ${DEFAULT-VALUE}).")
    int requests = 100_000;

    @Option(names = "--working-orders", description = "Working orders on the book, one ORDER_UPDATE each per request (default: ${DEFAULT-VALUE}).")
    int workingOrders = 200;

    @Option(names = "--round-trips", description = "Measured round trips, quiet (and at most, under a flood that reads) (default: ${DEFAULT-VALUE}).")
    int roundTrips = 5_000;

    @Option(names = "--warmup", description = "Round trips before measuring, not recorded (default: ${DEFAULT-VALUE}).")
    int warmup = 5_000;

    @Option(names = "--flood", description = "reading, not-reading, both, or none for the quiet figure alone (default: ${DEFAULT-VALUE}).")
    String flood = "both";

    @Option(names = "--budget", description = "The simulator's sessionPassBudget (default: the simulator's default).")
    int budget = SimulatorConfig.DEFAULT_SESSION_PASS_BUDGET;

    @Option(names = "--io-threads", description = "The simulator's session loops; the flood's session is on the second one when 2 (default: ${DEFAULT-VALUE}).")
    int ioThreads = 1;

    @Option(names = "--label", description = "Put in every JSON line (default: none).")
    String label = "";

    public static void main(String[] args) {
        System.exit(new CommandLine(new FloodFairnessMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().dynamicPort().fillPolicy(FillPolicy.REST_LIMIT_ORDERS)
                .acceptVariant(AcceptVariant.OPEN).sessionPassBudget(budget).ioThreads(ioThreads)
                .journalCapacity(1_000).finishedOrdersKept(1_000).fillHistoryCapacity(1_000).build();
        try (DtcSimulator sim = DtcSimulator.start(config)) {
            String account = sim.config().exchange().tradeAccounts().get(0);
            for (int i = 0; i < workingOrders; i++) {
                sim.exchange().placeElsewhere(account, "ES", "BUY", 1, 4000 + i);
            }
            try (RawPeer quiet = new RawPeer(sim.port()).logOn("quiet")) {
                Histogram warm = new Histogram(3);
                roundTrips(quiet, warmup, warm, () -> false);
                Histogram alone = new Histogram(3);
                roundTrips(quiet, roundTrips, alone, () -> false);
                print("quiet", alone, "");
                if (flood.equals("reading") || flood.equals("both")) {
                    underFlood(sim, quiet, true);
                }
                if (flood.equals("not-reading") || flood.equals("both")) {
                    underFlood(sim, quiet, false);
                }
            }
        }
        return 0;
    }

    private void underFlood(DtcSimulator sim, RawPeer quiet, boolean reads) throws Exception {
        String name = reads ? "flood-reading" : "flood-not-reading";
        ExecutorService threads = Executors.newFixedThreadPool(2);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (RawPeer flooder = new RawPeer(sim.port()).logOn(name)) {
            Channel channel = session(sim, name).pipeline().channel();
            AtomicLong sampledPeak = new AtomicLong();
            sampler.scheduleAtFixedRate(() -> sampledPeak.accumulateAndGet(pending(channel), Math::max), 0, 1,
                    TimeUnit.MILLISECONDS);
            byte[] flood = openOrdersRequests(requests);
            long start = System.nanoTime();
            Future<?> writer = threads.submit(() -> flooder.sendRaw(flood));
            AtomicBoolean done = new AtomicBoolean(!reads);
            AtomicLong answers = new AtomicLong();
            Future<?> reader = reads ? threads.submit(() -> {
                readInOrder(flooder, answers);
                done.set(true);
            }) : null;
            Histogram rtt = new Histogram(3);
            if (reads) {
                // Measured until the flood is all answered, or the round trips are all done.
                roundTrips(quiet, roundTrips, rtt, done::get);
                reader.get(30, TimeUnit.MINUTES);
                writer.get(1, TimeUnit.MINUTES);
            } else {
                roundTrips(quiet, roundTrips, rtt, () -> false);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PassBudget share = channel.pipeline().get(PassBudget.class);
            long peak = Math.max(sampledPeak.get(), share == null ? 0 : share.peakPendingBytes());
            String extra = String.format(Locale.ROOT,
                    ",\"flood_requests\":%d,\"working_orders\":%d,\"flood_answers\":%d,\"flood_seconds\":%.2f,"
                            + "\"flood_answers_per_s\":%.0f,\"flood_peak_pending_bytes\":%d,\"flood_pauses\":%d",
                    requests, workingOrders, answers.get(), seconds, answers.get() / seconds, peak,
                    share == null ? -1 : share.pauses());
            print(name, rtt, extra);
        } finally {
            sampler.shutdownNow();
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void roundTrips(RawPeer quiet, int count, Histogram into, java.util.function.BooleanSupplier stop) {
        for (int i = 0; i < count && !stop.getAsBoolean(); i++) {
            String id = "Q-" + System.nanoTime();
            long start = System.nanoTime();
            quiet.send(DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "NQ").set("ClientOrderID", id)
                    .setEnum("OrderType", "ORDER_TYPE_MARKET").setEnum("BuySell", "BUY").set("Quantity", 1));
            quiet.receive(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7 && m.getString("ClientOrderID").equals(id));
            into.recordValue((System.nanoTime() - start) / 1_000);
        }
    }

    /** Every answer counted and checked against the request order, at wire speed (three ints per frame). */
    private void readInOrder(RawPeer flooder, AtomicLong answers) {
        MessageSpec update = DtcSpec.v8().message("ORDER_UPDATE");
        int requestIdAt = update.field("RequestID").offset();
        int numberAt = update.field("MessageNumber").offset();
        long expected = (long) requests * workingOrders;
        long[] n = {0};
        flooder.walkFrames(frame -> {
            int type = frame.getUnsignedShortLE(frame.readerIndex() + 2);
            if (type != update.type()) {
                return true;
            }
            long i = n[0]++;
            int requestId = frame.getIntLE(frame.readerIndex() + requestIdAt);
            int number = frame.getIntLE(frame.readerIndex() + numberAt);
            if (requestId != i / workingOrders + 1 || number != i % workingOrders + 1) {
                throw new IllegalStateException("answer " + (i + 1) + " is RequestID " + requestId + " #" + number);
            }
            answers.set(n[0]);
            return n[0] < expected;
        });
    }

    private static byte[] openOrdersRequests(int count) {
        DtcMessage[] all = new DtcMessage[count];
        for (int i = 0; i < count; i++) {
            all[i] = DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", i + 1).set("RequestAllOrders", 1);
        }
        return RawPeer.frames(all);
    }

    private static Session session(DtcSimulator sim, String clientName) {
        for (int tries = 0; tries < 1_000; tries++) {
            for (Session s : sim.sessions().all()) {
                if (s.clientName().equals(clientName)) {
                    return s;
                }
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no session " + clientName);
    }

    private static long pending(Channel channel) {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }

    private void print(String test, Histogram h, String extra) {
        String line = String.format(Locale.ROOT,
                "{\"test\":\"%s\",\"label\":\"%s\",\"budget\":%d,\"io_threads\":%d,\"round_trips\":%d,\"rtt_p50_us\":%d,\"rtt_p99_us\":%d,"
                        + "\"rtt_p999_us\":%d,\"rtt_max_us\":%d%s}",
                test, label, budget, ioThreads, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), extra);
        System.out.println(line);
    }
}
