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
    private DtcClient client;

    public ClientDriver(SimulatorDriver exchange) {
        this.exchange = exchange;
    }

    public void logOn(DtcEncoding encoding) {
        client = new DtcClient(DtcClientConfig.builder()
                .host("127.0.0.1").port(exchange.port())
                .encoding(encoding)
                .clientName("dtc-harness-features")
                .build());
        client.onMessage("ORDER_UPDATE", orderUpdates::add);
        client.connect();
    }

    public OrderHandle placeLimit(Side side, int quantity, String symbol, double price) {
        return client().submit(OrderRequest.limit(symbol, side, quantity, price));
    }

    /** Every ORDER_UPDATE the client received, in arrival order. */
    public List<DtcMessage> orderUpdates() {
        return orderUpdates;
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
