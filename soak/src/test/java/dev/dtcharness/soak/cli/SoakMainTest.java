package dev.dtcharness.soak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.soak.stream.LiveStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SoakMainTest {

    @Test
    void shouldExitTwoAndSayInconclusiveWhenTooFewPhasesRan(@TempDir Path reports) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SoakMain()).setErr(new PrintWriter(err));

        int exit = cli.execute("--orders", "600", "--phase-orders", "300", "--warmup-orders", "300", "--rate", "3000",
                "--ramp", "PT0S", "--reports-dir", reports.toString(), "--run-id", "cli");

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(reports.resolve("soak/cli/index.html")).content().contains("INCONCLUSIVE", "too few phases: 2");
    }

    @Test
    void shouldRefuseAnOutcomeMixItCannotRunYet(@TempDir Path reports) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SoakMain()).setErr(new PrintWriter(err));

        int exit = cli.execute("--mix", "FILL=9,CANCEL=1", "--reports-dir", reports.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("CANCEL is not supported yet");
    }

    @Test
    void shouldDrawOrdersRatePhaseAndHeapOnTheProgressLine() {
        LiveStatus s = new LiveStatus();
        s.ordersTotal = 1_000;
        s.ordersDone = 500;
        s.phase = 2;
        s.phases = 4;
        s.stage("running");
        s.lastHeapBytes = 3L << 20;

        assertThat(ProgressBar.line(s, 4_321))
                .isEqualTo("[###############...............] 500/1,000 orders  4,321/s  phase 2/4 running  heap 3.0 MiB");
    }
}
