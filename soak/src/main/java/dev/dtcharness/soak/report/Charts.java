package dev.dtcharness.soak.report;

import dev.dtcharness.soak.PhaseSample;
import dev.dtcharness.soak.SoakReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNG plots, drawn with JFreeChart: one chart per evidence layer that has a trend. */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final double MIB = 1024.0 * 1024.0;

    private Charts() {
    }

    /** Post-GC heap against orders, Sen's fitted line, and the budget line drawn from the fit's start. */
    static void heap(SoakReport r, Path file) throws IOException {
        List<PhaseSample> s = r.samples();
        XYSeries heap = series("post-GC heap (MiB)", s, p -> p.heapAfterGcBytes() / MIB);
        XYSeriesCollection data = new XYSeriesCollection(heap);
        if (!Double.isNaN(r.bytesPerOrder())) {
            double x0 = s.get(0).ordersTotal();
            double x1 = s.get(s.size() - 1).ordersTotal();
            double y0 = r.heapInterceptBytes() + r.bytesPerOrder() * x0;
            XYSeries fit = new XYSeries(String.format("Sen's slope %.1f B/order", r.bytesPerOrder()));
            fit.add(x0, y0 / MIB);
            fit.add(x1, (r.heapInterceptBytes() + r.bytesPerOrder() * x1) / MIB);
            XYSeries budget = new XYSeries(String.format("budget %.1f B/order", r.settings().budgetBytesPerOrder()));
            budget.add(x0, y0 / MIB);
            budget.add(x1, (y0 + r.settings().budgetBytesPerOrder() * (x1 - x0)) / MIB);
            data.addSeries(fit);
            data.addSeries(budget);
        }
        JFreeChart chart = chart("Live heap after full GC, verdict " + r.layer("heap").verdict(), "orders since baseline",
                "MiB", data);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        if (data.getSeriesCount() > 1) {
            renderer.setSeriesShapesVisible(1, false);
            renderer.setSeriesPaint(1, new Color(0xd6, 0x27, 0x28));
            renderer.setSeriesShapesVisible(2, false);
            renderer.setSeriesPaint(2, new Color(0x2c, 0xa0, 0x2c));
            renderer.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{8f, 6f}, 0f));
        }
        save(chart, file);
    }

    static void directMemory(SoakReport r, Path file) throws IOException {
        List<PhaseSample> s = r.samples();
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("Netty direct memory counter (MiB)", s, p -> Math.max(0, p.nettyDirectMemory()) / MIB));
        data.addSeries(series("default allocator direct (MiB)", s, p -> Math.max(0, p.allocatorDirectMemory()) / MIB));
        data.addSeries(series("PooledByteBufAllocator.DEFAULT direct (MiB)", s, p -> p.pooledDirectMemory() / MIB));
        save(chart("Netty direct memory at quiescence", "orders since baseline", "MiB", data), file);
    }

    static void count(SoakReport r, Path file, String title, String what, ToDoubleFunction<PhaseSample> f) throws IOException {
        save(chart(title, "orders since baseline", what, new XYSeriesCollection(series(what, r.samples(), f))), file);
    }

    /** p50, p99, p99.9 and max of submit-to-terminal latency per phase, in milliseconds. */
    static void latency(SoakReport r, Path file) throws IOException {
        List<PhaseSample> s = r.samples();
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("p50", s, p -> p.latency().p50Micros() / 1000.0));
        data.addSeries(series("p99", s, p -> p.latency().p99Micros() / 1000.0));
        data.addSeries(series("p99.9", s, p -> p.latency().p999Micros() / 1000.0));
        data.addSeries(series("max", s, p -> p.latency().maxMicros() / 1000.0));
        JFreeChart chart = chart("Submit-to-terminal latency per phase", "orders since baseline (end of phase)", "ms", data);
        // Log scale: the warm-up's seconds and a quiet phase's fractions of a millisecond on one chart.
        LogAxis ms = new LogAxis("ms (log scale)");
        ms.setSmallestValue(0.001);
        ms.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        chart.getXYPlot().setRangeAxis(ms);
        save(chart, file);
    }

    /** The running Sen's slope after each phase against the budget: what the consecutive-excess rule reads. */
    static void runningSlope(SoakReport r, Path file) throws IOException {
        List<PhaseSample> s = r.samples();
        XYSeries slope = new XYSeries("running Sen's slope (B/order)");
        XYSeries budget = new XYSeries("budget");
        for (int i = 0; i < r.runningSlopes().size(); i++) {
            double x = s.get(i + 1).ordersTotal();
            slope.add(x, r.runningSlopes().get(i));
            budget.add(x, r.settings().budgetBytesPerOrder());
        }
        XYSeriesCollection data = new XYSeriesCollection(slope);
        data.addSeries(budget);
        JFreeChart chart = chart("Heap trend after each phase", "orders since baseline", "bytes per order", data);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(0x2c, 0xa0, 0x2c));
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{8f, 6f}, 0f));
        save(chart, file);
    }

    private static XYSeries series(String name, List<PhaseSample> samples, ToDoubleFunction<PhaseSample> f) {
        XYSeries series = new XYSeries(name, false, true);
        for (PhaseSample p : samples) {
            series.add(p.ordersTotal(), f.applyAsDouble(p));
        }
        return series;
    }

    private static JFreeChart chart(String title, String x, String y, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(renderer);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
