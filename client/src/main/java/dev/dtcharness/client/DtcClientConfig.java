package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.client.order.OrderBook;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link DtcClient} connects; immutable, made with {@link #builder()}.
 *
 * <p>One file over 300 lines: each setting has its field, builder method and accessor side by side.
 */
public final class DtcClientConfig {
    private final String host;
    private final int port;
    private final DtcEncoding encoding;
    private final int heartbeatIntervalSeconds;
    private final String clientName;
    private final String username;
    private final String password;
    private final String tradeAccount;
    private final boolean tradeAccountChosen;
    private final Duration connectTimeout;
    private final ReconnectPolicy reconnect;
    private final OfflineOrders offlineOrders;
    private final boolean reconcileOnConnect;
    private final int historicalFillDays;
    private final Duration fillsOverlap;
    private final boolean trace;
    private final Path stateFile;
    private final Path historyDatabase;
    private final int retainFinishedOrders;
    private final SslContext tls;
    private final EventLoopGroup eventLoopGroup;
    private final int maxUnsentBytes;

    private DtcClientConfig(Builder b) {
        this.maxUnsentBytes = b.maxUnsentBytes;
        this.eventLoopGroup = b.eventLoopGroup;
        this.reconnect = b.reconnect;
        this.offlineOrders = b.offlineOrders;
        this.reconcileOnConnect = b.reconcileOnConnect;
        this.historicalFillDays = b.historicalFillDays;
        this.fillsOverlap = b.fillsOverlap;
        this.trace = b.trace;
        this.stateFile = b.stateFile;
        this.historyDatabase = b.historyDatabase;
        this.retainFinishedOrders = b.retainFinishedOrders;
        this.tls = b.tls;
        this.host = b.host;
        this.port = b.port;
        this.encoding = b.encoding;
        this.heartbeatIntervalSeconds = b.heartbeatIntervalSeconds;
        this.clientName = Objects.requireNonNullElse(b.clientName, "");
        this.username = Objects.requireNonNullElse(b.username, "");
        this.password = Objects.requireNonNullElse(b.password, "");
        this.tradeAccount = b.tradeAccount != null ? b.tradeAccount : "Sim1";
        this.tradeAccountChosen = b.tradeAccount != null;
        this.connectTimeout = b.connectTimeout;
    }

    /**
     * Bytes written but not yet taken by the server beyond which new orders are refused: a server that
     * stops reading must not make the client hold an ever-growing backlog of orders it cannot send.
     */
    public int maxUnsentBytes() {
        return maxUnsentBytes;
    }

    /** Finished orders the order book keeps in memory; older ones live on only in the history database. */
    public int retainFinishedOrders() {
        return retainFinishedOrders;
    }

    /** The TLS context to connect with, or null for plain TCP. */
    public SslContext tls() {
        return tls;
    }

    /** The shared event-loop group the client takes one loop from, or null for a loop of its own. */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** "host:port", the way messages name the server. */
    public String address() {
        return host + ":" + port;
    }

    public DtcEncoding encoding() {
        return encoding;
    }

    public int heartbeatIntervalSeconds() {
        return heartbeatIntervalSeconds;
    }

    public String clientName() {
        return clientName;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The account put on orders whose request names none. */
    public String tradeAccount() {
        return tradeAccount;
    }

    /**
     * The account for LOGON_REQUEST: only one chosen with {@link Builder#tradeAccount}, since a
     * TradeAccount in the logon binds the whole session to that account (FACTS 2.2).
     */
    public String logonTradeAccount() {
        return tradeAccountChosen ? tradeAccount : "";
    }

    /** Limit for the TCP connect, and again for the encoding and logon responses. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    public OfflineOrders offlineOrders() {
        return offlineOrders;
    }

    /** Whether the first logon, too, asks for open orders and fills (every re-logon does). */
    public boolean reconcileOnConnect() {
        return reconcileOnConnect;
    }

    /** HISTORICAL_ORDER_FILLS_REQUEST.NumberOfDays: never 0, which Sierra Chart rejects (FACTS 3.4). */
    public int historicalFillDays() {
        return historicalFillDays;
    }

    /**
     * After a reconnect, how far before the last fill the client saw the fills request starts
     * (StartDateTime), or null to ask for {@link #historicalFillDays} days every time.
     */
    public Duration fillsOverlap() {
        return fillsOverlap;
    }

    /** One log line per DTC message in and out. */
    public boolean trace() {
        return trace;
    }

    /** Where open orders and positions are saved (atomically), or null for none. */
    public Path stateFile() {
        return stateFile;
    }

    /** The SQLite order-history database, or null for none. */
    public Path historyDatabase() {
        return historyDatabase;
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
                throw new IllegalArgumentException("tls: a client SslContext is needed (SslContextBuilder.forClient)");
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
                throw new IllegalArgumentException("retainFinishedOrders " + orders + " (expected: 0 or more)");
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
                throw new IllegalArgumentException("fillsOverlap " + overlap + " (expected: zero or more, or null)");
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

        public DtcClientConfig build() {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host is required");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            Objects.requireNonNull(encoding, "encoding");
            if (!encoding.isImplemented()) {
                throw new IllegalArgumentException(encoding + " is not implemented (binary, binary VLS, JSON and compact JSON are)");
            }
            if (heartbeatIntervalSeconds < 1) {
                throw new IllegalArgumentException("heartbeat interval must be at least 1 s, was " + heartbeatIntervalSeconds);
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connect timeout must be positive, was " + connectTimeout);
            }
            if (maxUnsentBytes < 2) {
                throw new IllegalArgumentException("max unsent bytes must be at least 2, was " + maxUnsentBytes);
            }
            if (historicalFillDays < 1) {
                throw new IllegalArgumentException("historical fill days must be at least 1 (Sierra Chart rejects 0), was "
                        + historicalFillDays);
            }
            MessageSpec logon = DtcSpec.v8().message("LOGON_REQUEST");
            requireFits(logon, "ClientName", clientName);
            requireFits(logon, "Username", username);
            requireFits(logon, "Password", password);
            requireFits(logon, "TradeAccount", tradeAccount);
            return new DtcClientConfig(this);
        }

        private static void requireFits(MessageSpec m, String field, String value) {
            int max = m.field(field).maxStringLength();
            if (value != null && value.length() > max) {
                throw new IllegalArgumentException(m.name() + "." + field + " takes at most " + max
                        + " characters, was " + value.length());
            }
        }
    }
}
