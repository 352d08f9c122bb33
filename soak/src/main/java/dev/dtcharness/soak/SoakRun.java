package dev.dtcharness.soak;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.OrderListener;
import dev.dtcharness.client.Subscription;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.soak.evidence.HistogramStore;
import dev.dtcharness.soak.evidence.LogCapture;
import dev.dtcharness.soak.evidence.NettyBuffers;
import dev.dtcharness.soak.report.ReportWriter;
import dev.dtcharness.soak.stream.FillingPlacer;
import dev.dtcharness.soak.stream.LiveStatus;
import dev.dtcharness.soak.stream.LoadShape;
import dev.dtcharness.soak.stream.OrderFlow;
import dev.dtcharness.soak.stream.OrderPlacer;
import dev.dtcharness.soak.stream.OutcomeMix;
import dev.dtcharness.soak.stream.PhaseCounts;
import dev.dtcharness.soak.stream.SessionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A soak: sustained order flow through the real {@link DtcClient} against an in-process
 * {@link DtcSimulator}, sampled at quiescence after every phase, judged layer by layer and written
 * to {@code <reports>/soak/<run-id>/}. The entry point for code and Cucumber steps:
 * <pre>{@code
 * SoakReport report = SoakRun.builder().ordersPerPhase(5_000).phases(40).rate(5_000).run();
 * assertThat(report.verdict()).isEqualTo(Verdict.PASS);
 * }</pre>
 */
public final class SoakRun {
    private static final Logger log = LoggerFactory.getLogger(SoakRun.class);

    private final SoakRunBuilder b;

    SoakRun(SoakRunBuilder builder) {
        this.b = builder;
    }

    public static SoakRunBuilder builder() {
        return new SoakRunBuilder();
    }

    /** Runs the soak to the end (phases done, or the duration limit reached) and writes the report. */
    public SoakReport run() {
        SoakSettings settings = b.settings();
        LiveStatus status = b.status;
        status.phases = b.phases;
        status.ordersTotal = (long) b.phases * b.ordersPerPhase + b.warmupOrders;
        NettyBuffers buffers = NettyBuffers.install();
        List<Pattern> allow = b.logAllow.stream().map(Pattern::compile).toList();
        List<PhaseSample> samples = new ArrayList<>();
        HistogramStore histograms = new HistogramStore(ReportWriter.dirFor(b.reportsDir(), b.runId()));
        try (LogCapture logs = LogCapture.attach(allow);
             DtcSimulator simulator = DtcSimulator.start(b.simulatorConfig)) {
            OrderPlacer placer = b.placer != null ? b.placer : new FillingPlacer(b.symbol);
            OrderFlow flow = new OrderFlow(new LoadShape(b.rate, b.ramp, b.maxInFlight), b.mix, placer, b.seed, status);
            Session session = new Session(simulator, flow);
            try {
                session.open();
                long deadline = b.duration == null ? Long.MAX_VALUE : System.nanoTime() + b.duration.toNanos();
                long orders = 0;
                for (int phase = 0; phase <= b.phases; phase++) {
                    status.phase = phase;
                    if (phase > 0 && b.sessionPolicy.reconnectBefore(phase)) {
                        status.stage("reconnecting");
                        session.reopen();
                    }
                    status.stage(phase == 0 ? "warm-up" : "running");
                    long start = System.nanoTime();
                    flow.runPhase(session.client, phase == 0 ? b.warmupOrders : b.ordersPerPhase);
                    status.stage("quiescing");
                    boolean quiet = flow.awaitQuiescence(b.quiescenceTimeout);
                    PhaseCounts counts = flow.endPhase((System.nanoTime() - start) / 1e9);
                    if (phase > 0) {
                        orders += counts.finished();
                    }
                    status.stage("sampling");
                    PhaseSample sample = Sampler.sample(phase, orders, counts, quiet, session.client, buffers, logs,
                            b.quiescenceTimeout);
                    status.lastHeapBytes = sample.heapAfterGcBytes();
                    samples.add(sample);
                    histograms.takeAndStore();
                    log.info("soak phase {}/{}: {} orders, {} /s, post-GC heap {} B, unreleased buffers {}, threads {}, fds {}{}",
                            phase, b.phases, counts.sent(), Math.round(counts.achievedRate()), sample.heapAfterGcBytes(),
                            sample.unreleasedBuffers(), sample.threads(), sample.openFileDescriptors(),
                            sample.invariantProblems().isEmpty() ? "" : ", problems: " + sample.invariantProblems());
                    if (!quiet || System.nanoTime() > deadline) {
                        break;
                    }
                }
            } finally {
                status.stage("closing");
                session.close();
            }
            status.stage("judging");
            SoakReport judged = Judge.judge(b.runId(), settings, samples, histograms.readAll(), logs, buffers);
            SoakReport report = withDir(judged, ReportWriter.dirFor(b.reportsDir(), judged.runId()));
            ReportWriter.write(report);
            status.stage("done");
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("soak interrupted", e);
        } finally {
            buffers.close();
        }
    }

    private static SoakReport withDir(SoakReport r, Path dir) {
        return new SoakReport(r.runId(), r.verdict(), r.settings(), r.layers(), r.bytesPerOrder(), r.bytesPerOrderLow(),
                r.bytesPerOrderHigh(), r.heapInterceptBytes(), r.runningSlopes(), r.samples(), r.growingClasses(),
                r.unexpectedLogLines(), r.bufferLeakReports(), dir);
    }

    /** The client under soak, its listeners, and the way to drop and re-establish it. */
    private final class Session {
        private final DtcSimulator simulator;
        private final OrderFlow flow;
        private final List<Subscription> subscriptions = new ArrayList<>();
        DtcClient client;

        Session(DtcSimulator simulator, OrderFlow flow) {
            this.simulator = simulator;
            this.flow = flow;
        }

        void open() {
            client = new DtcClient(DtcClientConfig.builder().host(simulator.host()).port(simulator.port())
                    .encoding(b.encoding).retainFinishedOrders(b.retainFinishedOrders).build());
            client.connect();
            subscriptions.add(client.onOrderUpdate(flow));
            for (OrderListener hook : b.orderHooks) {
                subscriptions.add(client.onOrderUpdate(hook));
            }
        }

        void reopen() {
            close();
            open();
        }

        void close() {
            subscriptions.forEach(Subscription::close);
            subscriptions.clear();
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    static DtcEncoding defaultEncoding() {
        return DtcEncoding.BINARY_ENCODING;
    }

    static SimulatorConfig defaultSimulator() {
        // Small rings, so the soak reaches the simulator's steady state within a short run: a full
        // journal or order history is bounded memory, not a leak, but filling it looks like growth.
        return SimulatorConfig.builder().dynamicPort().journalCapacity(500).finishedOrdersKept(100)
                .fillHistoryCapacity(500).build();
    }

    static Duration defaultQuiescence() {
        return Duration.ofSeconds(30);
    }
}
