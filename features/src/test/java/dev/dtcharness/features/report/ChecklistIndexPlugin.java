package dev.dtcharness.features.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code reports/index.html}, the page a person opens after a run: each checklist item
 * (one feature file) passed or failed, its scenarios, and links to the full Cucumber report and to
 * soak and benchmark reports when present. Registered as {@code dev.dtcharness.features.report.ChecklistIndexPlugin:<path>}.
 */
public final class ChecklistIndexPlugin implements ConcurrentEventListener {
    private final Path index;
    private final Map<URI, String> featureNames = new TreeMap<>();
    private final Map<URI, List<ScenarioResult>> results = new TreeMap<>();

    public ChecklistIndexPlugin(String indexPath) {
        this.index = Path.of(indexPath);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, this::onParsed);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> write());
    }

    private synchronized void onParsed(TestSourceParsed e) {
        e.getNodes().forEach(n -> n.getName().ifPresent(name -> featureNames.put(e.getUri(), name)));
    }

    private synchronized void onFinished(TestCaseFinished e) {
        results.computeIfAbsent(e.getTestCase().getUri(), u -> new ArrayList<>()).add(new ScenarioResult(
                e.getTestCase().getName(), e.getTestCase().getTags(), e.getResult().getStatus(),
                e.getResult().getDuration().toMillis(),
                e.getResult().getError() == null ? "" : firstLine(e.getResult().getError().getMessage())));
    }

    private synchronized void write() {
        try {
            Files.createDirectories(index.toAbsolutePath().getParent());
            Files.writeString(index, new IndexPage(index.toAbsolutePath().getParent()).render(featureNames, results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + index, e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One scenario's outcome, as the index shows it. */
    record ScenarioResult(String name, List<String> tags, Status status, long millis, String error) {
        boolean passed() {
            return status == Status.PASSED;
        }
    }
}
