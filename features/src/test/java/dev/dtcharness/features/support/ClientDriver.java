package dev.dtcharness.features.support;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.picocontainer.Disposable;

/** The trading app's side of a scenario: the real client, connected to the scenario's simulator. */
public class ClientDriver implements Disposable {
    private final SimulatorDriver exchange;
    private final List<DtcMessage> orderUpdates = new CopyOnWriteArrayList<>();
    private final List<DtcMessage> heartbeats = new CopyOnWriteArrayList<>();
    private DtcClient client;

    public ClientDriver(SimulatorDriver exchange) {
        this.exchange = exchange;
    }

    public void logOn(DtcEncoding encoding) {
        logOn(encoding, DtcClientConfig.builder().build().heartbeatIntervalSeconds());
    }

    public void logOn(DtcEncoding encoding, int heartbeatSeconds) {
        client = new DtcClient(DtcClientConfig.builder()
                .host(exchange.host()).port(exchange.port())
                .encoding(encoding)
                .heartbeatIntervalSeconds(heartbeatSeconds)
                .clientName("dtc-harness-features")
                .build());
        client.onMessage("ORDER_UPDATE", orderUpdates::add);
        client.onMessage("HEARTBEAT", heartbeats::add);
        client.connect();
    }

    public OrderHandle placeLimit(Side side, int quantity, String symbol, double price) {
        return client().submit(OrderRequest.limit(symbol, side, quantity, price));
    }

    /** Every ORDER_UPDATE the client received, in arrival order. */
    public List<DtcMessage> orderUpdates() {
        return orderUpdates;
    }

    /** Every HEARTBEAT the client received from the server. */
    public List<DtcMessage> heartbeats() {
        return heartbeats;
    }

    public DtcClient client() {
        if (client == null) {
            throw new IllegalStateException("the client is not logged on: add \"Given the client is logged on ...\"");
        }
        return client;
    }

    /** LOGOFF, then the connection and the client's thread are closed. */
    public void logOff() {
        client().close();
    }

    @Override
    public void dispose() {
        if (client != null) {
            client.close();
        }
    }
}
