package dev.dtcharness.features.support;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import org.opentest4j.TestAbortedException;

/** Scenario-wide rules that depend on where the features run. */
public class Hooks {
    private final Exchange exchange;

    public Hooks(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Faults and simulator controls exist only in the simulator: elsewhere such scenarios are skipped, saying why. */
    @Before("@simulator-only")
    public void skipWithoutTheSimulator() {
        if (!exchange.isSimulator()) {
            throw new TestAbortedException("skipped: this scenario injects faults or drives the simulator directly, "
                    + "and the features run against another DTC server (-D" + Exchange.SERVER_PROPERTY + "="
                    + exchange.host() + ":" + exchange.port() + ")");
        }
    }

    /** A failed scenario carries the simulator's journal, so the report shows what crossed the wire. */
    @After
    public void attachTheJournalWhenFailed(Scenario scenario) {
        if (scenario.isFailed() && exchange.started()) {
            scenario.attach(exchange.journalTail(500).getBytes(StandardCharsets.UTF_8), "text/plain",
                    "simulator journal (last 500 entries)");
        }
    }
}
