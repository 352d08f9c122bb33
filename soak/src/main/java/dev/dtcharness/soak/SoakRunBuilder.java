package dev.dtcharness.soak;

import dev.dtcharness.client.OrderListener;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.soak.stream.LiveStatus;
import dev.dtcharness.soak.stream.OrderPlacer;
import dev.dtcharness.soak.stream.OutcomeMix;
import dev.dtcharness.soak.stream.SessionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a {@link SoakRun}; every one has a default that makes a short run (10 phases of
 * 5,000 orders at 2,000 orders/s). Call {@link #run()} to run it.
 */
public final class SoakRunBuilder {
    /** System property naming the reports root; the Maven builds pass {@code ${maven.multiModuleProjectDirectory}/reports}. */
    public static final String REPORTS_DIR_PROPERTY = "dtc.reports.dir";

    int ordersPerPhase = 5_000;
    int warmupOrders = -1;
    int phases = 10;
    Duration duration;
    double rate = 2_000;
    Duration ramp = Duration.ofSeconds(5);
    int maxInFlight = 1_000;
    long seed = 1;
    String symbol = "ES";
    DtcEncoding encoding = SoakRun.defaultEncoding();
    /** Small, so that the soak measures the client's steady state rather than its order book filling up. */
    int retainFinishedOrders = 100;
    SimulatorConfig simulatorConfig = SoakRun.defaultSimulator();
    OutcomeMix mix = OutcomeMix.fillsOnly();
    OrderPlacer placer;
    SessionPolicy sessionPolicy = SessionPolicy.keep();
    String sessionPolicyName = "keep";
    double budgetBytesPerOrder = 512;
    int minPhases = 4;
    int consecutive = 3;
    int threadTolerance = 2;
    int fdTolerance = 4;
    long directMemoryTolerance = 16L << 20;
    Duration quiescenceTimeout = SoakRun.defaultQuiescence();
    final List<String> logAllow = new ArrayList<>();
    final List<OrderListener> orderHooks = new ArrayList<>();
    Path reportsDir;
    String runId;
    LiveStatus status = new LiveStatus();

    SoakRunBuilder() {
    }

    /** Orders in each measured phase; the stream pauses and samples after each. Default 5,000. */
    public SoakRunBuilder ordersPerPhase(int n) {
        this.ordersPerPhase = positive("ordersPerPhase", n);
        return this;
    }

    /** Orders sent before the baseline sample (JIT, class loading, pools); default one phase. */
    public SoakRunBuilder warmupOrders(int n) {
        this.warmupOrders = positive("warmupOrders", n);
        return this;
    }

    /** Measured phases after the warm-up; default 10. */
    public SoakRunBuilder phases(int n) {
        this.phases = positive("phases", n);
        return this;
    }

    /** Total measured orders, rounded up to whole phases of {@link #ordersPerPhase}. */
    public SoakRunBuilder totalOrders(long n) {
        this.phases = (int) Math.max(1, (n + ordersPerPhase - 1) / ordersPerPhase);
        return this;
    }

    /** Stops after the phase during which this much time passed, even if phases remain. */
    public SoakRunBuilder duration(Duration d) {
        this.duration = d;
        return this;
    }

    /** Target arrival rate in orders per second at the plateau; default 2,000. */
    public SoakRunBuilder rate(double ordersPerSecond) {
        this.rate = ordersPerSecond;
        return this;
    }

    /** Time to climb from 10 % to the target rate; default 5 s. */
    public SoakRunBuilder ramp(Duration ramp) {
        this.ramp = ramp;
        return this;
    }

    /** Orders not yet terminal that the stream allows before it waits; default 1,000. */
    public SoakRunBuilder maxInFlight(int n) {
        this.maxInFlight = positive("maxInFlight", n);
        return this;
    }

    /** Seeds arrivals, sides, prices and outcomes: the same seed makes the same stream. */
    public SoakRunBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Finished orders the client keeps in memory (DtcClientConfig.retainFinishedOrders); 100 by default. */
    public SoakRunBuilder retainFinishedOrders(int orders) {
        this.retainFinishedOrders = orders;
        return this;
    }

    public SoakRunBuilder encoding(DtcEncoding encoding) {
        this.encoding = encoding;
        return this;
    }

    public SoakRunBuilder simulator(SimulatorConfig config) {
        this.simulatorConfig = config;
        return this;
    }

    /** Share of fills, rejects, cancels and partial fills; only what the {@link OrderPlacer} supports. */
    public SoakRunBuilder outcomeMix(OutcomeMix mix) {
        this.mix = mix;
        return this;
    }

    public SoakRunBuilder placer(OrderPlacer placer) {
        this.placer = placer;
        return this;
    }

    /** When to drop and re-establish the session between phases; {@code name} goes in the report. */
    public SoakRunBuilder sessionPolicy(String name, SessionPolicy policy) {
        this.sessionPolicyName = name;
        this.sessionPolicy = policy;
        return this;
    }

    /**
     * Post-GC heap growth allowed, in bytes per order; default 512. Two things grow by design for a
     * whole trading session: the in-process simulator remembers ClientOrderIDs to reject reuse (about
     * 100 B/order, up to 100,000 ids) and the client remembers every fill's execution id so none is
     * counted twice after a reconnect (about 100 B/fill). The rest is margin for noise.
     */
    public SoakRunBuilder budgetBytesPerOrder(double budget) {
        this.budgetBytesPerOrder = budget;
        return this;
    }

    /** Phases needed before the heap rule may PASS or FAIL (default 4), and excess phases in a row for FAIL (default 3). */
    public SoakRunBuilder verdictPhases(int minPhases, int consecutive) {
        this.minPhases = minPhases;
        this.consecutive = consecutive;
        return this;
    }

    /** Allowed rise over baseline: threads (default 2), open files (4), direct memory bytes (16 MiB). */
    public SoakRunBuilder tolerances(int threads, int fileDescriptors, long directMemoryBytes) {
        this.threadTolerance = threads;
        this.fdTolerance = fileDescriptors;
        this.directMemoryTolerance = directMemoryBytes;
        return this;
    }

    public SoakRunBuilder quiescenceTimeout(Duration timeout) {
        this.quiescenceTimeout = timeout;
        return this;
    }

    /** A WARN/ERROR line matching this regex (against "logger: message") is expected, not a failure. */
    public SoakRunBuilder allowLog(String regex) {
        this.logAllow.add(regex);
        return this;
    }

    /** Also called for every ORDER_UPDATE, on the client's event loop: how an app's own listener joins the soak. */
    public SoakRunBuilder orderHook(OrderListener hook) {
        this.orderHooks.add(hook);
        return this;
    }

    /** The reports root; the report goes to {@code <dir>/soak/<run-id>/}. */
    public SoakRunBuilder reportsDir(Path dir) {
        this.reportsDir = dir;
        return this;
    }

    public SoakRunBuilder runId(String id) {
        this.runId = id;
        return this;
    }

    /** Progress for a progress bar: phase, stage, orders done, last heap. */
    public SoakRunBuilder status(LiveStatus status) {
        this.status = status;
        return this;
    }

    public SoakReport run() {
        if (warmupOrders < 0) {
            warmupOrders = ordersPerPhase;
        }
        return new SoakRun(this).run();
    }

    String runId() {
        if (runId == null) {
            runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC))
                    + "-seed" + seed;
        }
        return runId;
    }

    /** {@link #reportsDir}, else the {@value #REPORTS_DIR_PROPERTY} property, else {@code reports} here. */
    Path reportsDir() {
        if (reportsDir != null) {
            return reportsDir;
        }
        String prop = System.getProperty(REPORTS_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String root = System.getProperty("maven.multiModuleProjectDirectory");
        return root != null ? Path.of(root, "reports") : Path.of("reports");
    }

    SoakSettings settings() {
        return new SoakSettings(ordersPerPhase, phases, duration == null ? 0 : duration.toSeconds(), rate,
                ramp.toMillis() / 1000.0, maxInFlight, seed, encoding.name(), mix.weights().toString(),
                sessionPolicyName, budgetBytesPerOrder, minPhases, consecutive, threadTolerance, fdTolerance,
                directMemoryTolerance, List.copyOf(logAllow));
    }

    private static int positive(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + n);
        }
        return n;
    }
}
