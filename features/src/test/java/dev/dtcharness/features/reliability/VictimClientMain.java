package dev.dtcharness.features.reliability;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.ReconnectPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;

/**
 * The trading app {@link ClientCrashTest} kills: restores from its history database and state
 * file, logs on, reconciles, prints RECONCILED and keeps one order resting until it is killed.
 * Arguments: port, directory.
 */
public final class VictimClientMain {
    private VictimClientMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[1]);
        DtcClient client = new DtcClient(DtcClientConfig.builder().port(Integer.parseInt(args[0])).tradeAccount("Sim1")
                .reconnect(ReconnectPolicy.NEVER).reconcileOnConnect(true)
                .historyDatabase(dir.resolve("history.db")).stateFile(dir.resolve("state.json")).build());
        client.connect();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.reconciliations() >= 1);
        System.out.println("RECONCILED");
        new OrderKeeper(client);
        new CountDownLatch(1).await();
    }
}
