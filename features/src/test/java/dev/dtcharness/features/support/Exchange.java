package dev.dtcharness.features.support;

import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.exchange.OrderView;
import dev.dtcharness.simulator.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.picocontainer.Disposable;

/**
 * The exchange side of a scenario, in a trader's words: one simulator on an ephemeral loopback
 * port, stopped afterwards; or, with {@code -Ddtc.server=host:port}, another DTC server (a real
 * Sierra Chart on a simulated trading account, say) that the scenario uses as it is. Steps go
 * through these methods, never through the simulator itself.
 */
public class Exchange implements Disposable {
    /** System property naming another DTC server; unset means the embedded simulator. */
    public static final String SERVER_PROPERTY = "dtc.server";
    /** What the simulator's faults take as the session id meaning all of them. */
    private static final int EVERY_SESSION = 0;

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

    /** Fills what remains of the trader's working order at {@code price}. */
    public void fillRemaining(OrderHandle order, double price) {
        String serverOrderId = order.current().serverOrderId();
        OrderView working = simulator().exchange().workingOrders().stream()
                .filter(o -> o.serverOrderId().equals(serverOrderId)).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator has no working order " + serverOrderId));
        simulator().exchange().fill(serverOrderId, working.quantity() - working.filledQuantity(), price);
    }

    /** The fills the exchange made of the trader's order, by its current ServerOrderID. */
    public List<Execution> fillsOf(OrderHandle order) {
        String serverOrderId = order.current().serverOrderId();
        return simulator().exchange().fills().stream().filter(f -> f.serverOrderId().equals(serverOrderId))
                .map(f -> new Execution(f.executionId(), f.quantity(), f.price())).toList();
    }

    /** Every fill the exchange made in this scenario. */
    public int fillCount() {
        return simulator().exchange().fills().size();
    }

    /** Ends every session the way {@code how} says, refusing new connections for a while first if it says so. */
    public void dropConnections(Disconnect how) {
        if (how.refuseFor() != null) {
            simulator().faults().refuseConnectionsFor(how.refuseFor());
        }
        simulator().faults().disconnect(EVERY_SESSION, how.reset());
    }

    /** Sends nothing at all (no heartbeats either) for {@code duration}, while the connection stays open. */
    public void goSilentFor(Duration duration) {
        simulator().faults().silence(EVERY_SESSION, duration);
    }

    /** The last {@code entries} messages that crossed the wire, one a line, oldest first. */
    public String journalTail(int entries) {
        return simulator().journal().tail(entries).stream().map(JournalEntry::toString).collect(Collectors.joining("\n"));
    }

    private DtcSimulator simulator() {
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
