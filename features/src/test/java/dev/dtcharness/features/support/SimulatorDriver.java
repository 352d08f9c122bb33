package dev.dtcharness.features.support;

import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import org.picocontainer.Disposable;

/**
 * The exchange side of a scenario: one simulator on an ephemeral loopback port, stopped afterwards;
 * or, with {@code -Ddtc.server=host:port}, another DTC server (a real Sierra Chart on a simulated
 * trading account, say) that the scenario uses as it is.
 */
public class SimulatorDriver implements Disposable {
    /** System property naming another DTC server; unset means the embedded simulator. */
    public static final String SERVER_PROPERTY = "dtc.server";

    private final RemoteServer remote = RemoteServer.fromProperty(System.getProperty(SERVER_PROPERTY));
    private DtcSimulator simulator;

    public void startFillingEveryOrder() {
        start(SimulatorConfig.builder().dynamicPort().build());
    }

    /** Limit orders stay OPEN until filled, canceled or replaced; market orders still fill at once. */
    public void startLettingLimitOrdersRest() {
        start(SimulatorConfig.builder().dynamicPort().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build());
    }

    private void start(SimulatorConfig config) {
        if (remote == null) {
            simulator = DtcSimulator.start(config);
        }
    }

    /** True when the scenarios run against the embedded simulator, so its controls and faults exist. */
    public boolean isSimulator() {
        return remote == null;
    }

    public String host() {
        return remote != null ? remote.host() : "127.0.0.1";
    }

    public int port() {
        if (remote != null) {
            return remote.port();
        }
        return simulator().port();
    }

    /** True once this scenario started the embedded simulator. */
    public boolean started() {
        return simulator != null;
    }

    /** Sessions the simulator has open right now; -1 for another server, which does not say. */
    public int sessionCount() {
        return remote != null ? -1 : simulator == null ? 0 : simulator.sessionCount();
    }

    public DtcSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException(remote != null
                    ? "this step needs the embedded simulator, but the features run against " + remote
                    : "no simulator started in this scenario: add \"Given a simulator ...\"");
        }
        return simulator;
    }

    @Override
    public void dispose() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** host:port of another DTC server. */
    record RemoteServer(String host, int port) {
        static RemoteServer fromProperty(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(SERVER_PROPERTY + "=" + value + " (expected: host:port, e.g. 127.0.0.1:11099)");
            }
            return new RemoteServer(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
