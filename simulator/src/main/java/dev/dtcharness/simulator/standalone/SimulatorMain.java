package dev.dtcharness.simulator.standalone;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.LogonOutcome;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.admin.AdminServer;
import dev.dtcharness.simulator.market.instrument.InstrumentTable;
import dev.dtcharness.simulator.script.ScenarioLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar dtc-simulator.jar --host 127.0.0.1 --port 11099}: a fake Sierra Chart until Ctrl-C. */
@Command(name = "dtc-simulator", mixinStandardHelpOptions = true, version = "dtc-simulator 0.1.0",
        description = "A fake Sierra Chart DTC server (DTC v8): negotiates the encoding, logs clients on, "
                + "sends heartbeats and answers orders from a scriptable simulated exchange.")
public final class SimulatorMain implements Callable<Integer> {
    private static final SimulatorConfig DEFAULTS = SimulatorConfig.builder().build();

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = SimulatorConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = SimulatorConfig.DEFAULT_PORT;

    @Option(names = "--accept", description = "How new orders are acknowledged: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    AcceptVariant accept = AcceptVariant.PENDING_OPEN_THEN_OPEN;

    @Option(names = "--missed-heartbeats", description = "Close a session silent for this many heartbeat intervals "
            + "(default: ${DEFAULT-VALUE}).")
    int missedHeartbeats = 2;

    @Option(names = "--market-price", split = ",", paramLabel = "SYMBOL=PRICE",
            description = "Fill price of market orders per symbol, e.g. ES=4500.25,NQ=15800.")
    Map<String, Double> marketPrices = Map.of();

    @Option(names = "--default-market-price", description = "Fill price of market orders for other symbols "
            + "(default: ${DEFAULT-VALUE}).")
    double defaultMarketPrice = SimulatorConfig.DEFAULT_MARKET_PRICE;

    @Option(names = "--fill-policy", description = "What orders no scenario rule takes do: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    FillPolicy fillPolicy = FillPolicy.FILL_AT_ONCE;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", description = "A scenario file (.yaml, .yml or .json) or a "
            + "starter scenario's name: fill-all, partial-fills, reject-all, slow-fills, rest-then-disconnect.")
    String scenario;

    @Option(names = "--instruments", paramLabel = "FILE", description = "The symbols security definitions are answered "
            + "from, a JSON file as simulator/MARKET.md describes (default: the starters ES, NQ, CL, GC, 6E, AAPL, BTCUSD).")
    Path instruments;

    @Option(names = "--admin-port", description = "Serve the HTTP admin API on this port of --host; 0 picks a free one "
            + "(default: off).")
    Integer adminPort;

    @Option(names = "--admin-token-file", paramLabel = "PATH", description = "Require 'Authorization: Bearer <token>' "
            + "on every admin request, the token being this file's first line (keep it chmod 600). Or set the "
            + "environment variable " + AdminToken.ENVIRONMENT + ". Required when --host is not loopback.")
    Path adminTokenFile;

    @Option(names = "--admin-token", description = "As --admin-token-file, with the token on the command line, where "
            + "every local user can read it (ps, /proc): prefer the file or " + AdminToken.ENVIRONMENT + ".")
    String adminToken;

    @Option(names = "--accounts", split = ",",
            description = "Trade accounts served: listed, and the only ones orders may trade in (default: Sim1).")
    String[] accounts = {SimulatorConfig.DEFAULT_TRADE_ACCOUNT};

    @Option(names = "--strict-fill-requests", description = "Reject HISTORICAL_ORDER_FILLS_REQUEST with NumberOfDays = "
            + "StartDateTime = 0 or no TradeAccount, as Sierra Chart does.")
    boolean strictFillRequests;

    @Option(names = "--logon", description = "How logons are answered: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LogonOutcome logon = LogonOutcome.SUCCESS;

    @Option(names = "--credentials", paramLabel = "USER:PASSWORD", description = "Require this Username and Password.")
    String credentials;

    @Option(names = "--encoding", description = "Preset encoding instead of automatic: ${COMPLETION-CANDIDATES}.")
    DtcEncoding encoding;

    @Option(names = "--seed", description = "Seed of random faults (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Keep orders, fills, positions, balances and "
            + "used ClientOrderIDs in DIR (written before the client is told) and carry on from them when started "
            + "again on DIR, even after kill -9 (default: memory only).")
    Path stateDir;

    @Option(names = "--journal-size", description = "Messages the journal keeps (default: ${DEFAULT-VALUE}).")
    int journalSize = 10_000;

    @Option(names = "--finished-orders-kept", description = "Filled, canceled or rejected orders that stay known (for late "
            + "cancels); older ones age out (default: ${DEFAULT-VALUE}).")
    int finishedOrdersKept = DEFAULTS.limits().finishedOrdersKept();

    @Option(names = "--fill-history", description = "Fills kept for HISTORICAL_ORDER_FILLS_REQUEST (default: ${DEFAULT-VALUE}).")
    int fillHistory = DEFAULTS.limits().fillHistoryCapacity();

    @Option(names = "--io-threads", description = "Event-loop threads for the sessions; the exchange runs on the first "
            + "(default: ${DEFAULT-VALUE}: every order read, matched and answered on one thread).")
    int ioThreads = 1;

    @Option(names = "--session-pass-budget", description = "Messages in and out one session may take per turn of its "
            + "event loop before the others get theirs (default: ${DEFAULT-VALUE}).")
    int sessionPassBudget = DEFAULTS.connection().sessionPassBudget();

    @Option(names = "--session-outbound-limit", description = "Bytes of answers a client may leave unread before its "
            + "session waits for it to read (default: ${DEFAULT-VALUE}).")
    int sessionOutboundLimit = DEFAULTS.limits().sessionOutboundLimit();

    public static void main(String[] args) {
        // Set before the first logger exists; a file given with -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dtc-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig.Builder config = settings();
        if (stateDir != null) {
            config = config.stateDirectory(stateDir);
        }
        if (scenario != null) {
            config = config.scenario(ScenarioLoader.load(scenario));
        }
        if (instruments != null) {
            try {
                config = config.instruments(InstrumentTable.load(instruments));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                // The table's own line names the file, line and field: that, not a stack trace, and nothing started.
                System.err.println("dtc-simulator: " + e.getMessage());
                return 2;
            }
        }
        if (adminPort == null && (adminTokenFile != null || adminToken != null)) {
            // A token meant to guard an admin API that will not run: the operator most likely forgot the port.
            System.err.println("dtc-simulator: " + (adminTokenFile != null ? "--admin-token-file" : "--admin-token")
                    + " given without --admin-port: there is no admin API to guard");
            return 2;
        }
        if (adminPort != null) {
            String token;
            try {
                token = AdminToken.choose(adminTokenFile, adminToken, System.getenv(AdminToken.ENVIRONMENT));
                AdminServer.requireTokenBeyondLoopback(host, token);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // One line an operator reads at once, not a stack trace: nothing has started yet.
                System.err.println("dtc-simulator: " + e.getMessage());
                return 2;
            }
            config = config.adminPort(adminPort).adminToken(token);
        }
        if (credentials != null) {
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--credentials has no ':' (expected: USER:PASSWORD)");
            }
            config = config.credentials(credentials.substring(0, colon), credentials.substring(colon + 1));
        }
        SimulatorConfig settings;
        try {
            settings = config.build();
        } catch (IllegalArgumentException e) {
            // A value the simulator cannot take: one line an operator reads at once, not a stack trace.
            System.err.println("dtc-simulator: " + e.getMessage());
            return 2;
        }
        DtcSimulator simulator = DtcSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "dtc-simulator-shutdown"));
        // Scripts that start the jar wait for this line to know the port is open.
        System.out.println("DTC simulator ready on " + simulator.host() + ":" + simulator.port());
        if (simulator.adminPort() >= 0) {
            System.out.println("admin API on http://" + simulator.host() + ":" + simulator.adminPort() + "/");
        }
        stopped.await();
        return 0;
    }

    /** The settings the options give; SimulatorConfig checks them all when built. */
    private SimulatorConfig.Builder settings() {
        SimulatorConfig.Builder config = SimulatorConfig.builder().host(host).port(port).acceptVariant(accept)
                .missedHeartbeatsBeforeDrop(missedHeartbeats).defaultMarketPrice(defaultMarketPrice);
        for (var price : marketPrices.entrySet()) {
            config = config.marketPrice(price.getKey(), price.getValue());
        }
        config = config.fillPolicy(fillPolicy).tradeAccounts(accounts).sierraStrictFillRequests(strictFillRequests)
                .logonOutcome(logon).presetEncoding(encoding).seed(seed).journalCapacity(journalSize)
                .finishedOrdersKept(finishedOrdersKept).fillHistoryCapacity(fillHistory).ioThreads(ioThreads)
                .sessionPassBudget(sessionPassBudget).sessionOutboundLimit(sessionOutboundLimit);
        return config;
    }
}
