package dev.dtcharness.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.features.support.LogCapture;
import dev.dtcharness.soak.PhaseSample;
import dev.dtcharness.soak.SoakReport;
import dev.dtcharness.soak.SoakRun;
import dev.dtcharness.soak.verdict.Verdict;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The checklist's "no memory leaks": a short soak through the soak module, with its own simulator and client. */
public class SoakSteps {
    private final LogCapture logs;
    private SoakReport report;

    public SoakSteps(LogCapture logs) {
        this.logs = logs;
    }

    @When("a soak of {int} phases of {int} orders runs")
    public void aSoakRuns(int phases, int ordersPerPhase) {
        // The scenario's own log capture keeps every line: the soak found it growing the heap. The
        // soak counts WARN and ERROR lines itself.
        logs.dispose();
        report = SoakRun.builder().phases(phases).ordersPerPhase(ordersPerPhase).warmupOrders(ordersPerPhase)
                .rate(2_000).runId("checklist-" + System.currentTimeMillis()).run();
    }

    /** INCONCLUSIVE is no pass: it means the soak could not tell, so the checklist item is not met. */
    @Then("the soak verdict is PASS")
    public void theSoakVerdictIsPass() {
        assertThat(report.verdict()).as(report.headline()).isEqualTo(Verdict.PASS);
    }

    @Then("no Netty buffer was left unreleased")
    public void noNettyBufferWasLeftUnreleased() {
        assertThat(report.samples()).extracting(PhaseSample::unreleasedBuffers).containsOnly(0L);
    }

    @Then("every order of the soak ended FILLED")
    public void everyOrderEndedFilled() {
        assertThat(report.samples()).allSatisfy(s -> {
            assertThat(s.filled()).isEqualTo(s.sent());
            assertThat(s.pendingInBook()).isZero();
            assertThat(s.invariantProblems()).isEmpty();
        });
    }
}
