package dev.dtcharness.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.soak.report.ReportWriter;
import dev.dtcharness.soak.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortSoakTest {
    /** The default budget: the client forgets finished orders beyond its retention, so what grows is ids only. */
    static final double BUDGET_WITH_ORDER_BOOK = 512;

    /** Three short phases: seconds, not minutes; the rules need 3 phases and 2 in a row over budget to FAIL. */
    static SoakRunBuilder shortSoak(Path reports, String runId) {
        return SoakRun.builder().ordersPerPhase(300).phases(3).warmupOrders(600).rate(3_000).ramp(Duration.ZERO)
                .maxInFlight(200).seed(7).verdictPhases(3, 2).budgetBytesPerOrder(BUDGET_WITH_ORDER_BOOK)
                .reportsDir(reports).runId(runId);
    }

    @Test
    void shouldPassAShortSoakOfFillsAndWriteTheReport(@TempDir Path reports) throws Exception {
        SoakReport report = shortSoak(reports, "short").run();

        assertThat(report.verdict()).as(report.headline()).isEqualTo(Verdict.PASS);
        assertThat(report.orders()).isEqualTo(900);
        assertThat(report.samples()).hasSize(4).allSatisfy(s -> {
            assertThat(s.invariantProblems()).isEmpty();
            assertThat(s.sent()).isEqualTo(s.filled());
            assertThat(s.pendingInBook()).isZero();
            assertThat(s.unreleasedBuffers()).isZero();
        });
        assertThat(report.layer("netty-buffers").summary()).contains("presence mode");
        Path dir = reports.resolve("soak").resolve("short");
        assertThat(report.reportDir()).isEqualTo(dir);
        assertThat(dir.resolve("index.html")).content().contains("PASS", "heap.png", "latency.png");
        for (String png : new String[]{"heap.png", "heap-slope.png", "direct-memory.png", "threads.png",
                "file-descriptors.png", "netty-buffers.png", "latency.png"}) {
            assertThat(Files.size(dir.resolve(png))).as(png).isGreaterThan(1_000);
        }
        assertThat(dir.resolve("histograms")).isDirectoryContaining("glob:**/phase-00.txt.gz")
                .isDirectoryContaining("glob:**/phase-03.txt.gz");
        JsonNode json = ReportWriter.JSON.readTree(dir.resolve("soak.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.get("samples")).hasSize(4);
        assertThat(json.get("samples").get(3).get("latency").get("p99Micros").asLong()).isPositive();
    }
}
