package dev.dtcharness.features.report;

import dev.dtcharness.features.report.ChecklistIndexPlugin.ScenarioResult;
import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The HTML of reports/index.html; plain HTML and CSS so it opens from disk anywhere. */
final class IndexPage {
    private final Path reportsDir;

    IndexPage(Path reportsDir) {
        this.reportsDir = reportsDir;
    }

    String render(Map<URI, String> featureNames, Map<URI, List<ScenarioResult>> results) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>DTC Harness: order-flow checklist</title>
                <style>body{font:15px system-ui,sans-serif;margin:2em;max-width:70em}
                .pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#9a6700}
                table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}
                td.err{font-family:monospace;font-size:13px;color:#cf222e}</style></head><body>
                """);
        long passed = results.values().stream().flatMap(List::stream).filter(ScenarioResult::passed).count();
        long total = results.values().stream().mapToLong(List::size).sum();
        html.append("<h1>Order-flow production checklist</h1><p>").append(passed).append(" of ").append(total)
                .append(" scenarios passed, run finished ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(". Full step-by-step report: <a href=\"cucumber/cucumber.html\">cucumber/cucumber.html</a>.</p>");
        html.append("<table><tr><th>item</th><th>verdict</th><th>scenarios</th></tr>");
        for (var e : results.entrySet()) {
            List<ScenarioResult> scenarios = e.getValue();
            boolean allPassed = scenarios.stream().allMatch(ScenarioResult::passed);
            boolean anyFailed = scenarios.stream().anyMatch(s -> s.status() == Status.FAILED);
            html.append("<tr><td>").append(escape(file(e.getKey()))).append("<br><b>")
                    .append(escape(featureNames.getOrDefault(e.getKey(), ""))).append("</b></td><td class=\"")
                    .append(allPassed ? "pass\">PASSED" : anyFailed ? "fail\">FAILED" : "skip\">NOT ALL RUN")
                    .append("</td><td><table>");
            for (ScenarioResult s : scenarios) {
                html.append("<tr><td class=\"").append(css(s.status())).append("\">").append(s.status())
                        .append("</td><td>").append(escape(s.name())).append(" <small>")
                        .append(escape(String.join(" ", s.tags()))).append(", ").append(s.millis())
                        .append(" ms</small></td></tr>");
                if (!s.error().isEmpty()) {
                    html.append("<tr><td></td><td class=\"err\">").append(escape(s.error())).append("</td></tr>");
                }
            }
            html.append("</table></td></tr>");
        }
        html.append("</table>");
        links(html, "Soak reports", "soak");
        links(html, "Benchmark reports", "bench");
        return html.append("</body></html>\n").toString();
    }

    /** Every HTML page under reports/&lt;dir&gt;/, newest first, or nothing when that kind of run has not happened. */
    private void links(StringBuilder html, String title, String dir) {
        Path root = reportsDir.resolve(dir);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html"))
                    .sorted((a, b) -> b.toString().compareTo(a.toString())).toList();
            if (pages.isEmpty()) {
                return;
            }
            html.append("<h2>").append(title).append("</h2><ul>");
            for (Path p : pages) {
                String rel = reportsDir.relativize(p).toString().replace('\\', '/');
                html.append("<li><a href=\"").append(escape(rel)).append("\">").append(escape(rel)).append("</a></li>");
            }
            html.append("</ul>");
        } catch (IOException e) {
            html.append("<p class=\"fail\">cannot list reports/").append(dir).append(": ").append(escape(e.getMessage()))
                    .append("</p>");
        }
    }

    private static String file(URI uri) {
        String s = uri.toString();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String css(Status status) {
        return status == Status.PASSED ? "pass" : status == Status.FAILED ? "fail" : "skip";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
