package dev.dtcharness.client;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * The client process the crash test kills: "first" submits one order and then waits to be killed
 * while its fills arrive; "restart" restores, reconciles with the server, prints what it holds and exits.
 */
public final class CrashingClientMain {
    private CrashingClientMain() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        boolean first = args[2].equals("first");
        DtcClient client = new DtcClient(DtcClientConfig.builder().port(port).reconnect(ReconnectPolicy.NEVER)
                .reconcileOnConnect(!first).historyDatabase(dir.resolve("history.db")).stateFile(dir.resolve("state.json"))
                .build());
        client.connect();
        if (first) {
            OrderHandle order = client.submit(OrderRequest.market("ES", Side.BUY, 50));
            System.out.println("SUBMITTED " + order.clientOrderId());
            order.awaitStatus("FILLED", Duration.ofSeconds(60));
            System.out.println("NOT KILLED IN TIME");
            System.exit(3);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.reconciliations() == 1);
        System.out.println("RECONCILED " + client.orderBook().all().get(0).describe());
        client.close();
        System.exit(0);
    }
}
