package dev.dtcharness.features.reliability;

import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator {@link SimulatorCrashTest} kills: limit orders rest, its state lives in a state
 * directory (compacted every 100 events), and with "fill" the exchange works resting orders one lot every 4 ms; "quiet" only
 * answers. Prints READY once the port is open. Arguments: port, state directory, fill|quiet.
 */
public final class VictimSimulatorMain {
    private VictimSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().port(Integer.parseInt(args[0]))
                .stateDirectory(Path.of(args[1])).fillPolicy(FillPolicy.REST_LIMIT_ORDERS)
                // Compacts every few dozen fills, so kills also land in and around compactions.
                .stateCompactAfterEvents(100).build());
        if (args[2].equals("fill")) {
            new SteadyFiller(simulator.exchange(), 4);
        }
        System.out.println("READY");
        new CountDownLatch(1).await();
    }
}
