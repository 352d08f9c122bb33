package dev.dtcharness.features.support;

import io.cucumber.java.Before;
import org.opentest4j.TestAbortedException;

/** Scenario-wide rules that depend on where the features run. */
public class Hooks {
    private final SimulatorDriver exchange;

    public Hooks(SimulatorDriver exchange) {
        this.exchange = exchange;
    }

    /** Faults and simulator controls exist only in the simulator: elsewhere such scenarios are skipped, saying why. */
    @Before("@simulator-only")
    public void skipWithoutTheSimulator() {
        if (!exchange.isSimulator()) {
            throw new TestAbortedException("skipped: this scenario injects faults or drives the simulator directly, "
                    + "and the features run against another DTC server (-D" + SimulatorDriver.SERVER_PROPERTY + "=" 
                    + exchange.host() + ":" + exchange.port() + ")");
        }
    }
}
