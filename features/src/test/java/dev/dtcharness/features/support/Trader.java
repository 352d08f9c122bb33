package dev.dtcharness.features.support;

import dev.dtcharness.client.ConnectionEvent;
import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderActionHandle;
import dev.dtcharness.client.OrderChange;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.client.Side;
import dev.dtcharness.client.store.TradeLog;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.picocontainer.Disposable;

/**
 * The trading app's side of a scenario, in a trader's words: the real client, connected to the
 * scenario's exchange. Steps go through these methods, never through the client itself.
 */
public class Trader implements Disposable {
    private final Exchange exchange;
    private final List<DtcMessage> orderUpdates = new CopyOnWriteArrayList<>();
    private final List<DtcMessage> heartbeats = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent> connectionEvents = new CopyOnWriteArrayList<>();
    private UnaryOperator<DtcClientConfig.Builder> settings = UnaryOperator.identity();
    private DtcEncoding encoding = DtcEncoding.BINARY_ENCODING;
    private Path recordsDir;
    private DtcClient client;

    public Trader(Exchange exchange) {
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

    /** LOGOFF, then the connection and the client's thread are closed. */
    public void logOff() {
        client().close();
    }

    public boolean isLoggedOn() {
        return client().isLoggedOn();
    }

    public OrderHandle placeLimit(Side side, int quantity, String symbol, double price) {
        return client().submit(OrderRequest.limit(symbol, side, quantity, price));
    }

    public OrderActionHandle cancel(OrderHandle order) {
        return client().cancel(order.clientOrderId());
    }

    /** CANCEL_REPLACE_ORDER to a new quantity and limit price. */
    public OrderActionHandle modify(OrderHandle order, int quantity, double price) {
        return client().replace(order.clientOrderId(), OrderChange.quantity(quantity).withPrice(price));
    }

    /** The order as the client's order book holds it, empty once the book no longer does. */
    public Optional<Order> inTheBook(OrderHandle order) {
        return client().orderBook().byClientOrderId(order.clientOrderId());
    }

    /** The orders still working, as a trading screen lists them. */
    public List<Order> workingOrders() {
        return client().orderBook().live();
    }

    /** Every order in the client's order history (its history database), as this client reads it. */
    public List<Order> orderHistory() {
        return client().historyDatabase().orders();
    }

    /** Writes the trade log to {@code csv}; returns the number of fills written. */
    public int exportTradeLog(Path csv) {
        return TradeLog.exportCsv(client().historyDatabase(), csv);
    }

    /** The per-symbol analytics of the trade log. */
    public TradeLog.Summary analytics(String symbol) {
        return TradeLog.summarise(client().historyDatabase()).stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("the trade log has no analytics for " + symbol));
    }

    /** The order's fills as the client counted them, each once by execution id. */
    public List<Execution> fillsOf(OrderHandle order) {
        return order.fills().stream().map(f -> new Execution(f.executionId(), f.quantity(), f.price())).toList();
    }

    /** Fills the client has counted across all orders. */
    public int fillsCounted() {
        return client().orderBook().ledger().size();
    }

    /** The position in {@code symbol} on the account the client trades. */
    public double position(String symbol) {
        return client().positions().position(client().config().logon().tradeAccount(), symbol).quantity();
    }

    /** Every ORDER_UPDATE the client received, in arrival order, across restarts. */
    public List<DtcMessage> orderUpdates() {
        return orderUpdates;
    }

    /**
     * The ORDER_UPDATEs of one order, matched by its current ServerOrderID: DTC guarantees
     * ClientOrderID only on some update reasons.
     */
    public List<DtcMessage> updatesOf(OrderHandle order) {
        String serverOrderId = order.current().serverOrderId();
        return orderUpdates.stream().filter(u -> !serverOrderId.isEmpty() && u.getString("ServerOrderID").equals(serverOrderId))
                .toList();
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

    /** The history database and state file the client wrote, read as another process would. */
    public RecordsOnDisk recordsOnDisk() {
        return new RecordsOnDisk(recordsDir());
    }

    private DtcClient client() {
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
