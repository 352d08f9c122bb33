package dev.dtcharness.simulator.standalone;

import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar dtc-simulator.jar --host 127.0.0.1 --port 11099}: a fake Sierra Chart until Ctrl-C. */
@Command(name = "dtc-simulator", mixinStandardHelpOptions = true, version = "dtc-simulator 0.1.0",
        description = "A fake Sierra Chart DTC server (DTC v8): negotiates the encoding, logs clients on, "
                + "sends heartbeats and fills every order.")
public final class SimulatorMain implements Callable<Integer> {
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

    public static void main(String[] args) {
        // Set before the first logger exists; a file given with -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dtc-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults().host(host).port(port).acceptVariant(accept)
                .missedHeartbeatsBeforeDrop(missedHeartbeats).defaultMarketPrice(defaultMarketPrice);
        for (var price : marketPrices.entrySet()) {
            config = config.marketPrice(price.getKey(), price.getValue());
        }
        DtcSimulator simulator = DtcSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "dtc-simulator-shutdown"));
        // Scripts that start the jar wait for this line to know the port is open.
        System.out.println("DTC simulator ready on " + simulator.host() + ":" + simulator.port());
        stopped.await();
        return 0;
    }
}
