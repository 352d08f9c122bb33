package dev.dtcharness.soak.verdict;

import java.util.List;

/**
 * The verdict of one evidence layer ("heap", "netty-buffers", "threads", ...) and the sentences
 * that explain it, written for the person reading the report.
 */
public record LayerResult(String layer, Verdict verdict, String summary, List<String> details) {

    public LayerResult {
        details = List.copyOf(details);
    }

    public static LayerResult pass(String layer, String summary) {
        return new LayerResult(layer, Verdict.PASS, summary, List.of());
    }

    public static LayerResult of(String layer, Verdict verdict, String summary) {
        return new LayerResult(layer, verdict, summary, List.of());
    }

    public LayerResult withDetails(List<String> more) {
        return new LayerResult(layer, verdict, summary, more);
    }
}
