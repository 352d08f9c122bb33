package dev.dtcharness.client;

import dev.dtcharness.client.internal.order.OrderBook;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link DtcClient} connects; immutable, made with {@link #builder()}, whose methods are
 * flat ({@code builder().host(h).port(p).stateFile(f).build()}); read back grouped by concern:
 * {@link #connection()}, {@link #logon()}, {@link #recovery()}, {@link #storage()}, {@link #limits()}.
 * An invalid value fails in {@code build()} (or its setter) with
 * {@code IllegalArgumentException("<setting>: <value> (expected: <what>)")}.
 *
 * <p>One file over 300 lines: each setting's builder method carries its documentation beside it.
 */
public final class DtcClientConfig {
    /**
     * Where the server is and how the socket talks to it.
     *
     * @param connectTimeout limit for the TCP connect, and again for the encoding and logon responses
     * @param heartbeatIntervalSeconds sent in LOGON_REQUEST; the server is given up after twice it
     * @param tls the client TLS context, or null for plain TCP
     * @param eventLoopGroup the shared group the client takes one loop from, or null for a loop of its own
     * @param trace one log line per DTC message in and out
     */
    public record ConnectionSettings(String host, int port, DtcEncoding encoding, Duration connectTimeout,
                                     int heartbeatIntervalSeconds, SslContext tls, EventLoopGroup eventLoopGroup,
                                     boolean trace) {
        /** "host:port", the way messages name the server. */
        public String address() {
            return host + ":" + port;
        }
    }

    /**
     * What LOGON_REQUEST says, and the account orders go to.
     *
     * @param tradeAccount the account put on orders whose request names none ("Sim1" unless chosen)
     * @param logonTradeAccount the account for LOGON_REQUEST: only one chosen with {@link Builder#tradeAccount},
     *                          since a TradeAccount in the logon binds the whole session to it (FACTS 2.2); else ""
     */
    public record LogonSettings(String clientName, String username, String password, String tradeAccount,
                                String logonTradeAccount) {
        @Override
        public String toString() {
            // Never the password: a config may be logged.
            return "LogonSettings[clientName=" + clientName + ", username=" + username + ", password=" + (password.isEmpty()
                    ? "" : "***") + ", tradeAccount=" + tradeAccount + ", logonTradeAccount=" + logonTradeAccount + "]";
        }
    }

    /**
     * How a lost session comes back, and how the book catches up after a logon.
     *
     * @param reconcileOnConnect whether the first logon, too, asks for open orders and fills (every re-logon does)
     * @param historicalFillDays HISTORICAL_ORDER_FILLS_REQUEST.NumberOfDays: never 0, which Sierra Chart rejects (FACTS 3.4)
     * @param fillsOverlap after a reconnect, how far before the last fill read the fills request starts, or null
     *                     to ask for {@code historicalFillDays} days every time
     */
    public record RecoverySettings(ReconnectPolicy reconnect, OfflineOrders offlineOrders, boolean reconcileOnConnect,
                                   int historicalFillDays, Duration fillsOverlap) {
    }

    /**
     * Where the client keeps its orders on disk.
     *
     * @param stateFile open orders and positions, saved atomically, or null for none
     * @param historyDatabase the SQLite order-history database, or null for none
     */
    public record StorageSettings(Path stateFile, Path historyDatabase) {
    }

    /**
     * How much memory the client may hold.
     *
     * @param retainFinishedOrders finished orders the book keeps; older ones live on only in the history database
     * @param maxUnsentBytes bytes written but not yet taken by the server beyond which new orders are refused
     */
    public record MemoryLimits(int retainFinishedOrders, int maxUnsentBytes) {
    }

    private final ConnectionSettings connection;
    private final LogonSettings logon;
    private final RecoverySettings recovery;
    private final StorageSettings storage;
    private final MemoryLimits limits;

    private DtcClientConfig(Builder b) {
        this.connection = new ConnectionSettings(b.host, b.port, b.encoding, b.connectTimeout, b.heartbeatIntervalSeconds,
                b.tls, b.eventLoopGroup, b.trace);
        String account = b.tradeAccount != null ? b.tradeAccount : "Sim1";
        this.logon = new LogonSettings(Objects.requireNonNullElse(b.clientName, ""), Objects.requireNonNullElse(b.username, ""),
                Objects.requireNonNullElse(b.password, ""), account, b.tradeAccount != null ? account : "");
        this.recovery = new RecoverySettings(b.reconnect, b.offlineOrders, b.reconcileOnConnect, b.historicalFillDays,
                b.fillsOverlap);
        this.storage = new StorageSettings(b.stateFile, b.historyDatabase);
        this.limits = new MemoryLimits(b.retainFinishedOrders, b.maxUnsentBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConnectionSettings connection() {
        return connection;
    }

    public LogonSettings logon() {
        return logon;
    }

    public RecoverySettings recovery() {
        return recovery;
    }

    public StorageSettings storage() {
        return storage;
    }

    public MemoryLimits limits() {
        return limits;
    }

    /** True when DEBUG_DTC=1 is in the environment or -Ddtc.debug=true is set. */
    public static boolean traceRequestedByEnvironment() {
        return "1".equals(System.getenv("DEBUG_DTC")) || Boolean.getBoolean("dtc.debug");
    }

    /** Builds a {@link DtcClientConfig}; every setting has a default that reaches a local Sierra Chart. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 11099;
        private DtcEncoding encoding = DtcEncoding.BINARY_ENCODING;
        private int heartbeatIntervalSeconds = 10;
        private String clientName = "dtc-harness";
        private String username = "";
        private String password = "";
        private String tradeAccount;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private OfflineOrders offlineOrders = OfflineOrders.REFUSE;
        private boolean reconcileOnConnect;
        private int historicalFillDays = 1;
        private Duration fillsOverlap = Duration.ofHours(1);
        private boolean trace = traceRequestedByEnvironment();
        private Path stateFile;
        private Path historyDatabase;
        private int retainFinishedOrders = OrderBook.DEFAULT_RETAIN_FINISHED;
        private SslContext tls;
        private EventLoopGroup eventLoopGroup;
        private int maxUnsentBytes = 8 * 1024 * 1024;

        /**
         * Runs the client on one loop of {@code shared}, which the caller owns and shuts down after
         * closing its clients. By default each client has a thread of its own: fine for a few, but a
         * test holding a thousand sessions wants a thousand clients on a few threads.
         */
        public Builder eventLoopGroup(EventLoopGroup shared) {
            this.eventLoopGroup = shared;
            return this;
        }

        /**
         * Connect over TLS with this client context (for example
         * {@code SslContextBuilder.forClient().trustManager(serverCertificate).build()}); the host and
         * port go to the TLS engine for SNI and host checks. Null, the default, is plain TCP.
         */
        public Builder tls(SslContext clientContext) {
            if (clientContext != null && !clientContext.isClient()) {
                throw invalid("tls", "a server SslContext", "a client one, from SslContextBuilder.forClient()");
            }
            this.tls = clientContext;
            return this;
        }

        private Builder() {
        }

        /**
         * How many finished (FILLED, CANCELED, REJECTED) orders stay in the order book, 10,000 by
         * default: a session that sends orders all day must not keep each one in memory. Fills stay
         * counted once either way; the history database, when configured, keeps everything.
         */
        public Builder retainFinishedOrders(int orders) {
            if (orders < 0) {
                throw invalid("retainFinishedOrders", orders, "0 or more");
            }
            this.retainFinishedOrders = orders;
            return this;
        }

        /** {@link ReconnectPolicy#DEFAULT} unless changed; {@link ReconnectPolicy#NEVER} turns it off. */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "reconnect");
            return this;
        }

        /** {@link OfflineOrders#REFUSE} unless changed. */
        public Builder offlineOrders(OfflineOrders policy) {
            this.offlineOrders = Objects.requireNonNull(policy, "offlineOrders");
            return this;
        }

        public Builder reconcileOnConnect(boolean on) {
            this.reconcileOnConnect = on;
            return this;
        }

        /**
         * After a reconnect, ask only for fills from {@code overlap} before the last fill the client
         * saw (StartDateTime) instead of every fill of {@link #historicalFillDays} days: what a
         * dropped connection loses is the tail of its stream, so older fills were read already, and
         * a busy day's thousands of fills need not come again at every reconnect. The overlap
         * covers fill times that are not in the order the server sent them (exchange time stamps);
         * 1 hour by default; null asks for the whole days every time. The first round of a process
         * always asks for the whole days.
         */
        public Builder fillsOverlap(Duration overlap) {
            if (overlap != null && overlap.isNegative()) {
                throw invalid("fillsOverlap", overlap, "zero or more, or null");
            }
            this.fillsOverlap = overlap;
            return this;
        }

        public Builder historicalFillDays(int days) {
            this.historicalFillDays = days;
            return this;
        }

        /** Default: on when DEBUG_DTC=1 or -Ddtc.debug=true. */
        public Builder trace(boolean on) {
            this.trace = on;
            return this;
        }

        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        public Builder historyDatabase(Path file) {
            this.historyDatabase = file;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Sierra Chart's DTC server listens on 11099 unless configured otherwise. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** BINARY_ENCODING (default) needs no negotiation; JSON_ENCODING runs the encoding request sequence first. */
        public Builder encoding(DtcEncoding encoding) {
            this.encoding = encoding;
            return this;
        }

        /** Sent in LOGON_REQUEST; the client sends HEARTBEAT this often and gives the server up after twice it. */
        public Builder heartbeatIntervalSeconds(int seconds) {
            this.heartbeatIntervalSeconds = seconds;
            return this;
        }

        public Builder clientName(String clientName) {
            this.clientName = clientName;
            return this;
        }

        /** Sent only when not empty: Sierra Chart wants none unless "Require Authentication" is on. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Default "Sim1"; an account chosen here is also sent in LOGON_REQUEST. */
        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Default 8 MiB: new orders are refused while more than this waits for the server to read it (the
         * kernel's socket buffers come on top); they are taken again once half of it has gone out. Cancels
         * and replaces are never refused for it.
         */
        public Builder maxUnsentBytes(int maxUnsentBytes) {
            this.maxUnsentBytes = maxUnsentBytes;
            return this;
        }

        /** Checks every setting; throws {@code IllegalArgumentException("<setting>: <value> (expected: <what>)")}. */
        public DtcClientConfig build() {
            if (host == null || host.isBlank()) {
                throw invalid("host", host == null ? null : "\"" + host + "\"", "a host name or address");
            }
            if (port < 1 || port > 65_535) {
                throw invalid("port", port, "1 to 65535");
            }
            if (encoding == null || !encoding.isImplemented()) {
                throw invalid("encoding", encoding, "binary, binary VLS, JSON or compact JSON");
            }
            if (heartbeatIntervalSeconds < 1) {
                throw invalid("heartbeatIntervalSeconds", heartbeatIntervalSeconds, "1 or more");
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw invalid("connectTimeout", connectTimeout, "a positive duration");
            }
            if (maxUnsentBytes < 2) {
                throw invalid("maxUnsentBytes", maxUnsentBytes, "2 or more");
            }
            if (historicalFillDays < 1) {
                throw invalid("historicalFillDays", historicalFillDays, "1 or more: Sierra Chart rejects 0");
            }
            MessageSpec logon = DtcSpec.v8().message("LOGON_REQUEST");
            requireFits(logon, "clientName", "ClientName", clientName);
            requireFits(logon, "username", "Username", username);
            requireFits(logon, "password", "Password", password);
            requireFits(logon, "tradeAccount", "TradeAccount", tradeAccount);
            return new DtcClientConfig(this);
        }

        private static void requireFits(MessageSpec m, String setting, String field, String value) {
            int max = m.field(field).maxStringLength();
            if (value != null && value.length() > max) {
                // The length, not the value: a password must not reach a log line.
                throw invalid(setting, value.length() + " characters", "at most " + max + ", the size of "
                        + m.name() + "." + field);
            }
        }
    }

    /** The one error style of every setting. */
    static IllegalArgumentException invalid(String setting, Object value, String expected) {
        return new IllegalArgumentException(setting + ": " + value + " (expected: " + expected + ")");
    }
}
