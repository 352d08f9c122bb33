package dev.dtcharness.client.cli;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.ReconnectPolicy;
import dev.dtcharness.protocol.DtcEncoding;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where and how the command connects; shared by every command that talks to a server. */
final class ConnectionOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "DTC server host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "11099", description = "DTC server port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--encoding", defaultValue = "BINARY_ENCODING",
            description = "BINARY_ENCODING or JSON_ENCODING (default: ${DEFAULT-VALUE})")
    DtcEncoding encoding;

    @Option(names = "--account", description = "TradeAccount for orders (default: Sim1)")
    String account;

    @Option(names = "--username", defaultValue = "")
    String username;

    @Option(names = "--password", defaultValue = "")
    String password;

    @Option(names = "--db", description = "order-history database (SQLite) to record into and restore from")
    Path db;

    @Option(names = "--state", description = "state file (open orders, positions)")
    Path state;

    @Option(names = "--timeout", defaultValue = "PT10S", description = "connect and wait limit, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--trace", description = "one log line per DTC message (as DEBUG_DTC=1)")
    boolean trace;

    DtcClientConfig config() {
        DtcClientConfig.Builder b = DtcClientConfig.builder().host(host).port(port).encoding(encoding).username(username)
                .password(password).connectTimeout(timeout).reconnect(ReconnectPolicy.NEVER).clientName("dtc-harness-cli")
                .historyDatabase(db).stateFile(state);
        if (account != null) {
            b.tradeAccount(account);
        }
        if (trace) {
            b.trace(true);
        }
        return b.build();
    }
}
