package dev.dtcharness.soak;

import dev.dtcharness.soak.evidence.ClassHistogram;
import dev.dtcharness.soak.evidence.LogCapture;
import dev.dtcharness.soak.evidence.NettyBuffers;
import dev.dtcharness.soak.verdict.BaselineRule;
import dev.dtcharness.soak.verdict.HeapTrendRule;
import dev.dtcharness.soak.verdict.LayerResult;
import dev.dtcharness.soak.verdict.SenSlope;
import dev.dtcharness.soak.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Turns the phase samples into one {@link LayerResult} per evidence layer and the overall verdict. */
final class Judge {
    private static final int TOP_CLASSES = 10;
    /** A class counts as growing from one instance per 100 orders. */
    private static final double GROWING_INSTANCES_PER_ORDER = 0.01;

    private Judge() {
    }

    static SoakReport judge(String runId, SoakSettings s, List<PhaseSample> samples, List<ClassHistogram> histograms,
                            LogCapture logs, NettyBuffers buffers) {
        List<LayerResult> layers = new ArrayList<>();
        layers.add(functional(samples));
        layers.add(logs.unexpected() == 0
                ? LayerResult.pass("logs", "no WARN/ERROR line outside the allow-list (" + logs.allowed() + " allowed)")
                : LayerResult.of("logs", Verdict.FAIL, logs.unexpected() + " WARN/ERROR line(s) outside the allow-list")
                .withDetails(logs.examples()));
        layers.add(buffers(s, samples, buffers));
        layers.add(BaselineRule.growing("threads", "threads", s.threadTolerance(), s.consecutive())
                .decide(values(samples, PhaseSample::threads)));
        if (samples.get(0).openFileDescriptors() >= 0) {
            layers.add(BaselineRule.growing("file-descriptors", "open files", s.fdTolerance(), s.consecutive())
                    .decide(values(samples, PhaseSample::openFileDescriptors)));
        }
        layers.add(BaselineRule.growing("direct-memory", "bytes", s.directMemoryToleranceBytes(), s.consecutive())
                .decide(values(samples, PhaseSample::directMemory)));

        double[] orders = values(samples, PhaseSample::ordersTotal);
        double[] heap = values(samples, PhaseSample::heapAfterGcBytes);
        List<ClassGrowth> growing = growingClasses(orders, histograms);
        HeapTrendRule.Outcome trend = new HeapTrendRule(s.budgetBytesPerOrder(), s.minPhases(), s.consecutive())
                .decide(orders, heap);
        List<String> top = growing.stream().limit(5).map(g -> String.format("%s: %+.3f instances/order, %+.1f B/order",
                g.className(), g.instancesPerOrder(), g.bytesPerOrder())).toList();
        layers.add(new LayerResult("heap", trend.verdict(), trend.reason(), top));

        Verdict overall = layers.stream().map(LayerResult::verdict).reduce(Verdict.PASS, Verdict::and);
        SenSlope fit = trend.trend();
        return new SoakReport(runId, overall, s, layers, fit == null ? Double.NaN : fit.slope(),
                fit == null ? Double.NaN : fit.lower(), fit == null ? Double.NaN : fit.upper(),
                fit == null ? Double.NaN : fit.intercept(), trend.runningSlopes(), samples, growing,
                logs.examples(), buffers.firstReports(), null);
    }

    private static LayerResult functional(List<PhaseSample> samples) {
        List<String> problems = new ArrayList<>();
        for (PhaseSample p : samples) {
            p.invariantProblems().forEach(x -> problems.add((p.phase() == 0 ? "warm-up" : "phase " + p.phase()) + ": " + x));
        }
        long sent = samples.stream().mapToLong(PhaseSample::sent).sum();
        long filled = samples.stream().mapToLong(PhaseSample::filled).sum();
        long rejected = samples.stream().mapToLong(PhaseSample::rejected).sum();
        String counts = sent + " sent = " + (sent - rejected) + " accepted + " + rejected + " rejected; " + filled + " filled";
        return problems.isEmpty()
                ? LayerResult.pass("functional", counts + "; fills add up, nothing pending at any boundary")
                : LayerResult.of("functional", Verdict.FAIL, problems.size() + " broken invariant(s); " + counts)
                .withDetails(problems.subList(0, Math.min(20, problems.size())));
    }

    private static LayerResult buffers(SoakSettings s, List<PhaseSample> samples, NettyBuffers buffers) {
        if (buffers.leakReports() > 0) {
            return LayerResult.of("netty-buffers", Verdict.FAIL, buffers.leakReports()
                    + " buffer(s) garbage-collected without release() (Netty leak reports)").withDetails(buffers.firstReports());
        }
        LayerResult live = new BaselineRule("netty-buffers", "unreleased buffers", 0, s.consecutive())
                .decide(values(samples, PhaseSample::unreleasedBuffers));
        return new LayerResult(live.layer(), live.verdict(), live.summary() + "; 0 leak reports (" + buffers.mode() + " mode)", live.details());
    }

    /** Classes whose instances grow with orders, by Sen's slope of bytes per order, biggest first. */
    static List<ClassGrowth> growingClasses(double[] orders, List<ClassHistogram> histograms) {
        if (histograms.size() < 3) {
            return List.of();
        }
        ClassHistogram first = histograms.get(0);
        ClassHistogram last = histograms.get(histograms.size() - 1);
        Set<String> names = new HashSet<>(last.instances().keySet());
        List<ClassGrowth> out = new ArrayList<>();
        for (String name : names) {
            if (last.instancesOf(name) <= first.instancesOf(name)) {
                continue;
            }
            double[] n = new double[histograms.size()];
            double[] bytes = new double[histograms.size()];
            for (int i = 0; i < histograms.size(); i++) {
                n[i] = histograms.get(i).instancesOf(name);
                bytes[i] = histograms.get(i).bytesOf(name);
            }
            double perOrder = SenSlope.fit(orders, n).slope();
            if (perOrder >= GROWING_INSTANCES_PER_ORDER) {
                out.add(new ClassGrowth(name, perOrder, SenSlope.fit(orders, bytes).slope(), first.instancesOf(name),
                        last.instancesOf(name)));
            }
        }
        out.sort(Comparator.comparingDouble(ClassGrowth::bytesPerOrder).reversed());
        return out.subList(0, Math.min(TOP_CLASSES, out.size()));
    }

    private static double[] values(List<PhaseSample> samples, ToDoubleFunction<PhaseSample> f) {
        return samples.stream().mapToDouble(f).toArray();
    }
}
