package dev.dtcharness.loadtest;

import dev.dtcharness.protocol.DtcEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** reports/bench/&lt;run&gt;/index.html and its PNG plots (JFreeChart). */
final class Report {
    private Report() {
    }

    static void write(Path dir, String run, List<Map<String, Object>> rows, Map<DtcEncoding, Histogram> latencies)
            throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>DTC load benchmark ").append(run)
                .append("</title><style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "</style></head><body>");
        html.append("<h1>DTC load benchmark, run ").append(run).append("</h1>");
        html.append("<p>The real DtcClient against the in-process DtcSimulator (FILL_AT_ONCE) over 127.0.0.1, one JVM. "
                + "Latency: from before <code>submit</code> to the client's terminal callback (FILLED). Throughput: complete "
                + "fill sequences (PENDING_OPEN, OPEN, FILLED, POSITION_UPDATE, ACCOUNT_BALANCE_UPDATE) per second. "
                + "Figures are indicative: 2 cores shared by client, simulator and anything else running.</p>");
        if (!latencies.isEmpty()) {
            latencyChart(latencies, dir.resolve("latency.png"));
            html.append("<h2>Sequential round trip</h2><img src=\"latency.png\">");
        }
        html.append(table(rows, "sequential", List.of("encoding", "lat_orders", "lat_p50_us", "lat_p90_us", "lat_p99_us",
                "lat_p999_us", "lat_max_us", "lat_mean_us")));
        if (rows.stream().anyMatch(r -> "pipelined".equals(r.get("test")))) {
            throughputChart(rows, "pipelined", "inflight", "Pipelined throughput vs orders in flight", "orders in flight (N)",
                    dir.resolve("throughput.png"));
            html.append("<h2>Pipelined throughput</h2><img src=\"throughput.png\">");
            html.append(table(rows, "pipelined", List.of("encoding", "inflight", "tput_orders", "tput_orders_per_s",
                    "tput_min", "tput_max", "tput_reps")));
            // What an order costs, and who pays it: the figures to compare two builds by on a shared machine.
            html.append("<h2>Cost per order</h2>");
            html.append(table(rows, "pipelined", List.of("encoding", "inflight", "cpu_us_per_order", "app_cpu_us_per_order",
                    "client_cpu_us_per_order", "simulator_cpu_us_per_order", "driver_cpu_us_per_order",
                    "alloc_bytes_per_order", "client_alloc_bytes_per_order", "simulator_alloc_bytes_per_order",
                    "driver_alloc_bytes_per_order")));
        }
        if (rows.stream().anyMatch(r -> "sessions".equals(r.get("test")))) {
            throughputChart(rows, "sessions", "sessions", "Many sessions: total throughput", "sessions (M)",
                    dir.resolve("sessions.png"));
            html.append("<h2>Many sessions</h2><img src=\"sessions.png\">");
            html.append(table(rows, "sessions", List.of("encoding", "sessions", "per_session_inflight", "tput_orders_per_s",
                    "orders", "heap_after_gc_mb", "heap_per_session_kb", "jvm_threads_peak", "simulator", "simulator_threads",
                    "simulator_jvm_heap_after_gc_mb", "simulator_jvm_heap_max_mb", "simulator_jvm_threads", "client_threads",
                    "heartbeats_received")));
        }
        html.append("<p>Raw figures: <a href=\"results.jsonl\">results.jsonl</a>; latency histograms: "
                + "<code>latency-&lt;encoding&gt;.hgrm</code>.</p></body></html>\n");
        Files.writeString(dir.resolve("index.html"), html.toString());
    }

    private static String table(List<Map<String, Object>> rows, String test, List<String> cols) {
        StringBuilder b = new StringBuilder("<table><tr>");
        cols.forEach(c -> b.append("<th>").append(c).append("</th>"));
        b.append("</tr>");
        for (Map<String, Object> r : rows) {
            if (!test.equals(r.get("test"))) {
                continue;
            }
            b.append("<tr>");
            for (String c : cols) {
                Object v = r.get(c);
                b.append("<td>").append(v == null ? "–" : v instanceof Number n && !(v instanceof Double)
                        ? String.format("%,d", n.longValue()) : String.valueOf(v)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** Latency against percentile, on a 1/(1-p) axis, one line per encoding. */
    private static void latencyChart(Map<DtcEncoding, Histogram> latencies, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<DtcEncoding, Histogram> e : latencies.entrySet()) {
            XYSeries s = new XYSeries(e.getKey().name());
            for (HistogramIterationValue v : e.getValue().percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                if (p >= 1.0) {
                    break;
                }
                s.add(1.0 / (1.0 - p), v.getValueIteratedTo() / 1000.0);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Sequential round trip: latency by percentile",
                "percentile (1/(1-p): 2 = p50, 100 = p99, 1000 = p99.9)", "microseconds", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("percentile (1/(1-p): 2 = p50, 100 = p99, 1000 = p99.9)");
        x.setBase(10);
        plot.setDomainAxis(x);
        LogAxis y = new LogAxis("microseconds");
        y.setBase(10);
        plot.setRangeAxis(y);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 450);
    }

    private static void throughputChart(List<Map<String, Object>> rows, String test, String xKey, String title, String xLabel,
                                        Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map<String, Object> r : rows) {
            if (!test.equals(r.get("test"))) {
                continue;
            }
            String enc = (String) r.get("encoding");
            XYSeries s;
            int idx = data.getSeriesIndex(enc);
            if (idx < 0) {
                s = new XYSeries(enc);
                data.addSeries(s);
            } else {
                s = data.getSeries(idx);
            }
            s.add(((Number) r.get(xKey)).doubleValue(), ((Number) r.get("tput_orders_per_s")).doubleValue());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "orders/s", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis(xLabel);
        x.setBase(10);
        plot.setDomainAxis(x);
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 450);
    }
}
