package dev.dtcharness.client.cli;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.enums.OrderStatus;
import picocli.CommandLine;

/** A command run in a new process knows an order only from --db, or from the ids the user types. */
final class Known {
    private Known() {
    }

    static void ensure(DtcClient client, String clientOrderId, String serverOrderId) {
        if (client.orderBook().byClientOrderId(clientOrderId).isPresent()) {
            return;
        }
        if (serverOrderId == null) {
            throw new CommandLine.ExecutionException(new CommandLine(new DtcClientCli()), "order " + clientOrderId
                    + " is not in the order history: pass --db, or --server-order-id");
        }
        client.track(new Order(clientOrderId, serverOrderId, "", "", client.config().logon().tradeAccount(), null, 0,
                Double.NaN, 0, 0, 0, Double.NaN, Double.NaN, 0, "", OrderStatus.OPEN.value(), 0, "", 0));
    }
}
