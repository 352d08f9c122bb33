package dev.dtcharness.loadtest;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.DtcSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar loadtest/target/dtc-loadtest.jar}: the DTC client
 * against the in-process simulator over loopback. One JSON line per figure set on stdout, progress on
 * stderr, and reports/bench/&lt;run&gt;/ (results.jsonl, index.html, PNG plots).
 */
@Command(name = "dtc-loadtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sequential round trip, pipelined throughput and many sessions, for each DTC encoding.")
public final class LoadTestMain implements Callable<Integer> {

    @Option(names = "--encodings", split = ",", description = "Encodings to measure (default: all four).")
    List<DtcEncoding> encodings = List.of(DtcEncoding.BINARY_ENCODING, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS,
            DtcEncoding.JSON_ENCODING, DtcEncoding.JSON_COMPACT_ENCODING);

    @Option(names = "--tests", split = ",", description = "Which figure sets: sequential, pipelined, sessions (default: all).")
    List<String> tests = List.of("sequential", "pipelined", "sessions");

    @Option(names = "--warmup-orders", description = "Pipelined warm-up (N=100) before the sequential test (default: ${DEFAULT-VALUE}).")
    int warmupOrders = 100_000;

    @Option(names = "--lat-warmup", description = "Sequential warm-up orders, not recorded (default: ${DEFAULT-VALUE}).")
    int latWarmup = 5_000;

    @Option(names = "--lat-orders", description = "Sequential measured orders (default: ${DEFAULT-VALUE}).")
    int latOrders = 20_000;

    @Option(names = "--inflight", split = ",", description = "In-flight windows for the pipelined test (default: 1,10,100,1000).")
    List<Integer> inflight = List.of(1, 10, 100, 1000);

    @Option(names = "--tput-orders", description = "Orders per pipelined repetition (default: ${DEFAULT-VALUE}; N=1 uses a tenth).")
    int tputOrders = 200_000;

    @Option(names = "--tput-reps", description = "Pipelined repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    int tputReps = 3;

    @Option(names = "--sessions", split = ",", description = "Session counts for the many-sessions test (default: 1,10,100,1000).")
    List<Integer> sessions = List.of(1, 10, 100, 1000);

    @Option(names = "--sessions-encodings", split = ",", description = "Encodings for the many-sessions test (default: the --encodings).")
    List<DtcEncoding> sessionsEncodings;

    @Option(names = "--per-session", description = "Orders in flight per session in the many-sessions test (default: ${DEFAULT-VALUE}).")
    int perSession = 4;

    @Option(names = "--accept", description = "How the simulator acknowledges each order: OPEN (one NEW_ORDER_ACCEPTED, "
            + "then the fill: the peers' shape, an acknowledgement then a fill) or PENDING_OPEN_THEN_OPEN (one more "
            + "ORDER_UPDATE per order) (default: ${DEFAULT-VALUE}).")
    AcceptVariant accept = AcceptVariant.OPEN;

    @Option(names = "--client-loops", description = "Event-loop threads the many-sessions clients share; 0 gives each client a thread of its own (default: ${DEFAULT-VALUE}).")
    int clientLoops = 2;

    @Option(names = "--sessions-simulator", description = "Where the many-sessions test runs the simulator: IN_PROCESS "
            + "(heap and threads then count the clients too) or SEPARATE_JVM (the standalone simulator with "
            + "--simulator-heap, its heap read after full collections through its admin API) (default: ${DEFAULT-VALUE}).")
    Bench.SimulatorPlace sessionsSimulator = Bench.SimulatorPlace.IN_PROCESS;

    @Option(names = "--simulator-heap", description = "-Xmx of the separate simulator JVM (default: ${DEFAULT-VALUE}, the "
            + "target for 1,000 sessions).")
    String simulatorHeap = "512m";

    @Option(names = "--session-seconds", description = "Seconds of load per session count (default: ${DEFAULT-VALUE}).")
    int sessionSeconds = 10;

    @Option(names = "--reports", description = "Reports folder; the run goes to <reports>/bench/<run> (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Option(names = "--run", description = "Run name (default: UTC time).")
    String run;

    @Option(names = "--label", description = "Free text stored in every JSON line, e.g. before/after (default: none).")
    String label = "";

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new LoadTestMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (run == null) {
            run = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        }
        Path dir = reports.resolve("bench").resolve(run);
        Files.createDirectories(dir);
        Path jsonl = dir.resolve("results.jsonl");
        Progress progress = new Progress();
        Bench bench = new Bench(progress, accept);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<DtcEncoding, Histogram> latencies = new LinkedHashMap<>();
        progress.line("dtc-loadtest run " + run + " -> " + dir.toAbsolutePath() + " (JVM: "
                + ManagementFactory.getRuntimeMXBean().getInputArguments() + ")");
        for (DtcEncoding enc : encodings) {
            if (!tests.contains("sequential") && !tests.contains("pipelined")) {
                break;
            }
            try (DtcSimulator sim = DtcSimulator.start(bench.simulatorConfig()); DtcClient client = Bench.client(sim, enc, 10)) {
                progress.line("== " + enc + ": pipelined warm-up of " + warmupOrders + " orders");
                if (warmupOrders > 0) {
                    bench.pipelined(client, 100, warmupOrders);
                }
                if (tests.contains("sequential")) {
                    Histogram h = bench.sequential(client, latWarmup, latOrders);
                    latencies.put(enc, h);
                    Map<String, Object> r = row("sequential", enc);
                    r.put("lat_orders", h.getTotalCount());
                    r.put("lat_p50_us", us(h.getValueAtPercentile(50)));
                    r.put("lat_p90_us", us(h.getValueAtPercentile(90)));
                    r.put("lat_p99_us", us(h.getValueAtPercentile(99)));
                    r.put("lat_p999_us", us(h.getValueAtPercentile(99.9)));
                    r.put("lat_max_us", us(h.getMaxValue()));
                    r.put("lat_mean_us", Math.round(h.getMean() / 10.0) / 100.0);
                    emit(r, rows, jsonl, progress);
                    Files.writeString(dir.resolve("latency-" + enc + ".hgrm"), hgrm(h));
                }
                if (tests.contains("pipelined")) {
                    for (int n : inflight) {
                        int orders = n == 1 ? Math.max(1, tputOrders / 10) : tputOrders;
                        double[] reps = new double[tputReps];
                        CostSnapshot costBefore = CostSnapshot.now();
                        for (int k = 0; k < tputReps; k++) {
                            reps[k] = bench.pipelined(client, n, orders);
                        }
                        // CPU per order says what the code costs even when another process shares the cores.
                        CostSnapshot costAfter = CostSnapshot.now();
                        double perOrder = 1000.0 * orders * tputReps;
                        double cpuUsPerOrder = costAfter.processNanosSince(costBefore) / perOrder;
                        double appCpuUsPerOrder = costAfter.applicationNanosSince(costBefore) / perOrder;
                        double[] sorted = reps.clone();
                        Arrays.sort(sorted);
                        Map<String, Object> r = row("pipelined", enc);
                        r.put("inflight", n);
                        r.put("tput_orders", orders);
                        r.put("tput_orders_per_s", Math.round(sorted[sorted.length / 2]));
                        r.put("tput_min", Math.round(sorted[0]));
                        r.put("tput_max", Math.round(sorted[sorted.length - 1]));
                        r.put("tput_reps", tputReps);
                        r.put("cpu_us_per_order", Math.round(cpuUsPerOrder * 100) / 100.0);
                        r.put("app_cpu_us_per_order", Math.round(appCpuUsPerOrder * 100) / 100.0);
                        r.put("alloc_bytes_per_order", Math.round(costAfter.applicationBytesSince(costBefore) / (perOrder / 1000.0)));
                        for (CostSnapshot.Role role : CostSnapshot.Role.values()) {
                            r.put(role.key() + "_cpu_us_per_order",
                                    Math.round(costAfter.applicationNanosSince(costBefore, role) / perOrder * 100) / 100.0);
                            r.put(role.key() + "_alloc_bytes_per_order",
                                    Math.round(costAfter.applicationBytesSince(costBefore, role) / (perOrder / 1000.0)));
                        }
                        emit(r, rows, jsonl, progress);
                    }
                }
                if (client.problems().warningCount() + client.problems().errorCount() > 0) {
                    progress.line("client problems: " + client.problems().recent());
                }
            }
        }
        if (tests.contains("sessions")) {
            for (DtcEncoding enc : sessionsEncodings != null ? sessionsEncodings : encodings) {
                for (int m : sessions) {
                    Bench.SessionsResult s = bench.sessions(enc, m, perSession, sessionSeconds, clientLoops, sessionsSimulator,
                            simulatorHeap);
                    Map<String, Object> r = row("sessions", enc);
                    r.put("sessions", s.sessions());
                    r.put("per_session_inflight", perSession);
                    r.put("tput_orders_per_s", Math.round(s.ordersPerSecond()));
                    r.put("orders", s.orders());
                    r.put("heap_after_gc_mb", Math.round(s.heapAfterGcMb() * 10) / 10.0);
                    r.put("heap_per_session_kb", Math.round(s.heapPerSessionKb() * 10) / 10.0);
                    r.put("jvm_threads_peak", s.jvmThreads());
                    if (s.simulatorJvm() == null) {
                        r.put("simulator", "in process");
                        r.put("simulator_threads", s.simulatorThreads());
                    } else {
                        // Its own JVM: every thread of it (GC and compiler ones too), and its heap alone.
                        r.put("simulator", "separate JVM, -Xmx" + simulatorHeap);
                        r.put("simulator_jvm_heap_after_gc_mb", s.simulatorJvm().heapUsedMb());
                        r.put("simulator_jvm_heap_max_mb", s.simulatorJvm().heapMaxMb());
                        r.put("simulator_jvm_threads", s.simulatorJvm().threads());
                        r.put("simulator_jvm_sessions", s.simulatorJvm().sessions());
                    }
                    r.put("client_threads", s.clientThreads());
                    r.put("heartbeats_received", s.heartbeatsSeen());
                    emit(r, rows, jsonl, progress);
                }
            }
        }
        Report.write(dir, run, rows, latencies);
        progress.line("report: " + dir.resolve("index.html").toAbsolutePath());
        return 0;
    }

    private Map<String, Object> row(String test, DtcEncoding enc) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench", "dtc");
        r.put("run", run);
        r.put("label", label);
        r.put("test", test);
        r.put("encoding", enc.name());
        r.put("accept", accept.name());
        return r;
    }

    private static double us(long nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }

    private static void emit(Map<String, Object> r, List<Map<String, Object>> rows, Path jsonl, Progress progress)
            throws IOException {
        rows.add(r);
        String line = Json.of(r);
        progress.line("");
        System.out.println(line);
        System.out.flush();
        Files.writeString(jsonl, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String hgrm(Histogram h) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        h.outputPercentileDistribution(new java.io.PrintStream(out), 1000.0);
        return out.toString();
    }

    /** A JSON object of strings and numbers, no library needed. */
    static final class Json {
        static String of(Map<String, Object> r) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, Object> e : r.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append('"').append(e.getKey()).append("\":");
                Object v = e.getValue();
                if (v instanceof Number) {
                    b.append(v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v.toString());
                } else {
                    b.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            return b.append('}').toString();
        }
    }
}
