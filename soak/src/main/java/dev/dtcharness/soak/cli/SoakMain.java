package dev.dtcharness.soak.cli;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.soak.SoakReport;
import dev.dtcharness.soak.SoakRun;
import dev.dtcharness.soak.SoakRunBuilder;
import dev.dtcharness.soak.evidence.NettyBuffers;
import dev.dtcharness.soak.stream.LiveStatus;
import dev.dtcharness.soak.stream.OutcomeMix;
import dev.dtcharness.soak.stream.SessionPolicy;
import dev.dtcharness.soak.verdict.LayerResult;
import dev.dtcharness.soak.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar soak/target/dtc-soak.jar --orders 200000 --rate 5000}: runs a soak against an
 * in-process simulator, shows progress on stderr, prints the verdict and the report's path, and
 * exits 0 for PASS, 1 for FAIL, 2 for INCONCLUSIVE (picocli's usage errors also exit 2).
 */
@Command(name = "dtc-soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sustained order flow through the DTC client against the simulator; decides PASS, FAIL or "
                + "INCONCLUSIVE on leaks and writes reports/soak/<run-id>/index.html.")
public final class SoakMain implements Callable<Integer> {

    @Option(names = "--orders", description = "Measured orders in total, rounded up to whole phases (default: ${DEFAULT-VALUE}).")
    long orders = 50_000;

    @Option(names = "--phase-orders", description = "Orders per phase; the stream pauses, drains and samples after each (default: ${DEFAULT-VALUE}).")
    int phaseOrders = 5_000;

    @Option(names = "--warmup-orders", description = "Orders before the baseline sample (default: one phase).")
    Integer warmupOrders;

    @Option(names = "--duration", description = "Stop after the phase in which this much time passed, e.g. PT2H (default: none).")
    Duration duration;

    @Option(names = "--rate", description = "Target arrivals in orders/s at the plateau (default: ${DEFAULT-VALUE}).")
    double rate = 2_000;

    @Option(names = "--ramp", description = "Climb from 10%% to the target rate over this long, e.g. PT10S (default: ${DEFAULT-VALUE}).")
    Duration ramp = Duration.ofSeconds(5);

    @Option(names = "--max-in-flight", description = "Orders not yet terminal before the stream waits (default: ${DEFAULT-VALUE}).")
    int maxInFlight = 1_000;

    @Option(names = "--seed", description = "Seeds arrivals, prices, sides and outcomes (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--encoding", description = "BINARY_ENCODING or JSON_ENCODING (default: ${DEFAULT-VALUE}).")
    DtcEncoding encoding = DtcEncoding.BINARY_ENCODING;

    @Option(names = "--mix", description = "Outcome mix, e.g. FILL=90,REJECT=10; today only FILL is supported (default: ${DEFAULT-VALUE}).")
    String mix = "FILL=1";

    @Option(names = "--new-client-every", description = "Close the client and connect a new one every N phases (default: never).")
    Integer newClientEvery;

    @Option(names = "--budget", description = "Allowed post-GC heap growth in bytes per order (default: ${DEFAULT-VALUE}).")
    double budget = 512;

    @Option(names = "--min-phases", description = "Phases before the heap rule may decide (default: ${DEFAULT-VALUE}).")
    int minPhases = 4;

    @Option(names = "--consecutive", description = "Phases in a row over budget for FAIL (default: ${DEFAULT-VALUE}).")
    int consecutive = 3;

    @Option(names = "--allow-log", description = "Regex of an expected WARN/ERROR line (\"logger: message\"); repeatable.")
    List<String> allowLog = List.of();

    @Option(names = "--reports-dir", description = "Reports root; the run goes to <dir>/soak/<run-id>/ (default: -Ddtc.reports.dir, else ./reports).")
    Path reportsDir;

    @Option(names = "--run-id", description = "Name of the run's directory (default: UTC time and seed).")
    String runId;

    @Override
    public Integer call() {
        LiveStatus status = new LiveStatus();
        SoakRunBuilder b = SoakRun.builder().ordersPerPhase(phaseOrders).totalOrders(orders).rate(rate).ramp(ramp)
                .maxInFlight(maxInFlight).seed(seed).encoding(encoding).outcomeMix(OutcomeMix.parse(mix))
                .budgetBytesPerOrder(budget).verdictPhases(minPhases, consecutive).status(status);
        if (warmupOrders != null) {
            b.warmupOrders(warmupOrders);
        }
        if (duration != null) {
            b.duration(duration);
        }
        if (newClientEvery != null) {
            b.sessionPolicy("new client every " + newClientEvery + " phases", SessionPolicy.newClientEvery(newClientEvery));
        }
        allowLog.forEach(b::allowLog);
        if (reportsDir != null) {
            b.reportsDir(reportsDir);
        }
        if (runId != null) {
            b.runId(runId);
        }
        SoakReport report;
        try (ProgressBar bar = new ProgressBar(status, System.err, System.console() != null).start()) {
            report = b.run();
        }
        System.out.println(report.verdict() + String.format(": %,d orders, post-GC heap %.1f B/order (90%% %.1f to %.1f),"
                        + " budget %.1f", report.orders(), report.bytesPerOrder(), report.bytesPerOrderLow(),
                report.bytesPerOrderHigh(), budget));
        for (LayerResult l : report.layers()) {
            System.out.println("  " + l.layer() + " " + l.verdict() + ": " + l.summary());
            l.details().forEach(d -> System.out.println("      " + d));
        }
        System.out.println("report: " + report.reportDir().resolve("index.html").toAbsolutePath());
        return report.verdict() == Verdict.PASS ? 0 : report.verdict() == Verdict.FAIL ? 1 : 2;
    }

    public static void main(String[] args) {
        // Before any Netty buffer class loads: exact buffer counts without PARANOID's stack traces.
        NettyBuffers.selectPresenceDetector();
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new SoakMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
