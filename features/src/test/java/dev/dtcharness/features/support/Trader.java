package dev.dtcharness.features.support;

import dev.dtcharness.client.ConnectionEvent;
import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.picocontainer.Disposable;

/** The trading app's side of a scenario: the real client, connected to the scenario's exchange. */
public class ClientDriver implements Disposable {
    private final SimulatorDriver exchange;
    private final List<DtcMessage> orderUpdates = new CopyOnWriteArrayList<>();
    private final List<DtcMessage> heartbeats = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent> connectionEvents = new CopyOnWriteArrayList<>();
    private UnaryOperator<DtcClientConfig.Builder> settings = UnaryOperator.identity();
    private DtcEncoding encoding = DtcEncoding.BINARY_ENCODING;
    private Path recordsDir;
    private DtcClient client;

    public ClientDriver(SimulatorDriver exchange) {
        this.exchange = exchange;
    }

    public void logOn(DtcEncoding encoding) {
        logOn(encoding, UnaryOperator.identity());
    }

    public void logOn(DtcEncoding encoding, int heartbeatSeconds) {
        logOn(encoding, b -> b.heartbeatIntervalSeconds(heartbeatSeconds));
    }

    /** Keeps the state file and history database in a directory of the scenario's own. */
    public void logOnKeepingRecords(DtcEncoding encoding) {
        try {
            recordsDir = Files.createTempDirectory("dtc-features-records");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logOn(encoding, b -> b.stateFile(recordsDir.resolve("state.json")).historyDatabase(recordsDir.resolve("history.db")));
    }

    /** Reconnects with a short backoff and reconciles open orders and fills after every logon. */
    public void logOnReconnecting(DtcEncoding encoding) {
        logOn(encoding, b -> b.heartbeatIntervalSeconds(1)
                .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(100), Duration.ofMillis(500), 200))
                .reconcileOnConnect(true));
    }

    public void logOn(DtcEncoding encoding, UnaryOperator<DtcClientConfig.Builder> settings) {
        this.encoding = encoding;
        this.settings = settings;
        start();
    }

    /** Closes the client and starts a new one with the same settings (and records), as after a restart. */
    public void restart() {
        client().close();
        start();
    }

    private void start() {
        client = new DtcClient(settings.apply(DtcClientConfig.builder()
                .host(exchange.host()).port(exchange.port())
                .encoding(encoding)
                .clientName("dtc-harness-features")).build());
        client.onMessage("ORDER_UPDATE", orderUpdates::add);
        client.onMessage("HEARTBEAT", heartbeats::add);
        client.onConnection(connectionEvents::add);
        client.connect();
    }

    public OrderHandle placeLimit(Side side, int quantity, String symbol, double price) {
        return client().submit(OrderRequest.limit(symbol, side, quantity, price));
    }

    /** LOGOFF, then the connection and the client's thread are closed. */
    public void logOff() {
        client().close();
    }

    /** Every ORDER_UPDATE the client received, in arrival order, across restarts. */
    public List<DtcMessage> orderUpdates() {
        return orderUpdates;
    }

    /** Every HEARTBEAT the client received from the server. */
    public List<DtcMessage> heartbeats() {
        return heartbeats;
    }

    /** Every connection event of every client this driver started, oldest first. */
    public List<ConnectionEvent> connectionEvents() {
        return connectionEvents;
    }

    public Path recordsDir() {
        if (recordsDir == null) {
            throw new IllegalStateException("the client keeps no records: log on \"keeping its records in a new directory\"");
        }
        return recordsDir;
    }

    public DtcClient client() {
        if (client == null) {
            throw new IllegalStateException("the client is not logged on: add \"Given the client is logged on ...\"");
        }
        return client;
    }

    @Override
    public void dispose() {
        if (client != null) {
            client.close();
        }
    }
}
