package dev.dtcharness.soak.report;

import dev.dtcharness.soak.ClassGrowth;
import dev.dtcharness.soak.PhaseSample;
import dev.dtcharness.soak.SoakReport;
import dev.dtcharness.soak.verdict.LayerResult;

/** The report's index.html: verdict first, then why (layers, plots), then every figure. */
final class IndexPage {
    private static final double MIB = 1024.0 * 1024.0;

    private IndexPage() {
    }

    static String html(SoakReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Soak ").append(esc(r.runId()))
                .append(" ").append(r.verdict()).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td.l,th.l{text-align:left}")
                .append(".PASS{color:#2c7a2c}.FAIL{color:#c62828}.INCONCLUSIVE{color:#b26a00}")
                .append("</style></head><body>");
        h.append("<h1>Soak ").append(esc(r.runId())).append(": <span class=\"").append(r.verdict()).append("\">")
                .append(r.verdict()).append("</span></h1>");
        h.append(String.format("<p>%,d orders after a %,d-order warm-up; post-GC heap trend <b>%.1f bytes/order</b>"
                        + " (90%% interval %.1f to %.1f), budget %.1f bytes/order. Figures: <a href=\"soak.json\">soak.json</a>.</p>",
                r.orders(), r.samples().isEmpty() ? 0 : r.samples().get(0).sent(), r.bytesPerOrder(),
                r.bytesPerOrderLow(), r.bytesPerOrderHigh(), r.settings().budgetBytesPerOrder()));
        h.append("<h2>Evidence layers</h2><table><tr><th class=l>layer</th><th class=l>verdict</th><th class=l>why</th></tr>");
        for (LayerResult l : r.layers()) {
            h.append("<tr><td class=l>").append(l.layer()).append("</td><td class=\"l ").append(l.verdict()).append("\">")
                    .append(l.verdict()).append("</td><td class=l>").append(esc(l.summary()));
            for (String d : l.details()) {
                h.append("<br><small>").append(esc(d)).append("</small>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
        img(h, "heap.png", "Each dot is the live heap after a full GC at a phase boundary. The red line is Sen's "
                + "slope through the dots; the dashed green line is the budget drawn from the same start. A leak shows "
                + "as dots and red line climbing above the green one, phase after phase.");
        img(h, "heap-slope.png", "Sen's slope refitted after each phase. FAIL needs it above the budget at the last "
                + r.settings().consecutive() + " phases in a row.");
        img(h, "netty-buffers.png", "Buffers allocated and not released, counted exactly at quiescence: flat at the baseline when nothing leaks.");
        img(h, "direct-memory.png", "Direct memory Netty holds at quiescence: pools may grow once, then stay flat.");
        img(h, "threads.png", "Live threads at quiescence: flat unless something starts threads per order or session.");
        img(h, "file-descriptors.png", "Open files and sockets at quiescence: flat unless connections are not closed.");
        img(h, "latency.png", "Submit-to-terminal latency per phase (HdrHistogram). A leak often shows here late, as GC pauses.");
        if (!r.growingClasses().isEmpty()) {
            h.append("<h2>Classes whose live instances grow with orders</h2><table><tr><th class=l>class</th>"
                    + "<th>instances/order</th><th>bytes/order (shallow)</th><th>baseline</th><th>last</th></tr>");
            for (ClassGrowth g : r.growingClasses()) {
                h.append(String.format("<tr><td class=l>%s</td><td>%.3f</td><td>%.1f</td><td>%,d</td><td>%,d</td></tr>",
                        esc(g.className()), g.instancesPerOrder(), g.bytesPerOrder(), g.baselineInstances(), g.lastInstances()));
            }
            h.append("</table>");
        }
        h.append("<h2>Phases</h2><table><tr><th>phase</th><th>orders</th><th>rate/s</th><th>filled</th><th>rejected</th>"
                + "<th>heap MiB</th><th>buffers</th><th>threads</th><th>fds</th><th>direct MiB</th><th>p50 ms</th>"
                + "<th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr>");
        for (PhaseSample p : r.samples()) {
            h.append(String.format("<tr><td>%s</td><td>%,d</td><td>%,.0f</td><td>%,d</td><td>%,d</td><td>%.2f</td><td>%d</td>"
                            + "<td>%d</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>",
                    p.phase() == 0 ? "warm-up" : String.valueOf(p.phase()), p.ordersTotal(), p.achievedRate(), p.filled(),
                    p.rejected(), p.heapAfterGcBytes() / MIB, p.unreleasedBuffers(), p.threads(), p.openFileDescriptors(),
                    p.directMemory() / MIB, p.latency().p50Micros() / 1000.0, p.latency().p99Micros() / 1000.0,
                    p.latency().p999Micros() / 1000.0, p.latency().maxMicros() / 1000.0));
        }
        h.append("</table><h2>Settings</h2><pre>").append(esc(r.settings().toString())).append("</pre></body></html>\n");
        return h.toString();
    }

    private static void img(StringBuilder h, String file, String caption) {
        h.append("<figure><img src=\"").append(file).append("\" width=\"900\"><figcaption>").append(esc(caption))
                .append("</figcaption></figure>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
