package dev.dtcharness.features.support;

import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import org.picocontainer.Disposable;

/** The exchange side of a scenario: one simulator on an ephemeral loopback port, stopped afterwards. */
public class SimulatorDriver implements Disposable {
    private DtcSimulator simulator;

    public void startFillingEveryOrder() {
        simulator = DtcSimulator.start(SimulatorConfig.defaults().dynamicPort());
    }

    public int port() {
        if (simulator == null) {
            throw new IllegalStateException("no simulator started in this scenario: add \"Given a simulator ...\"");
        }
        return simulator.port();
    }

    @Override
    public void dispose() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
