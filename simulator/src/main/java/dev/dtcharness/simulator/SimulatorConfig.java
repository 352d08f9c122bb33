package dev.dtcharness.simulator;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.exchange.MarketValues;
import dev.dtcharness.simulator.market.instrument.InstrumentTable;
import dev.dtcharness.simulator.script.Scenario;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link DtcSimulator}, immutable, made by a builder whose methods are flat and read in
 * groups by concern: {@code SimulatorConfig.builder().dynamicPort().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build()},
 * then {@code config.connection().port()}, {@code config.exchange().fillPolicy()}. A value out of range
 * fails in {@link Builder#build()} with {@code IllegalArgumentException("<setting>: <value> (expected: <what>)")}.
 *
 * <p>One file over 300 lines: one builder method, one group accessor and one check per setting, so that
 * every setting is found, documented and validated in one place.
 */
public final class SimulatorConfig {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 11099;
    public static final String DEFAULT_SERVER_NAME = "DTC Harness Simulator";
    public static final double DEFAULT_MARKET_PRICE = 100.0;
    /** Sierra Chart's name for its simulated trading account. */
    public static final String DEFAULT_TRADE_ACCOUNT = "Sim1";
    /** Messages in and out one session may take per turn of its event loop (see {@link Builder#sessionPassBudget(int)}). */
    public static final int DEFAULT_SESSION_PASS_BUDGET = 128;
    /** Bytes of answers a session's peer may leave unread before the session waits (see {@link Builder#sessionOutboundLimit(int)}). */
    public static final int DEFAULT_SESSION_OUTBOUND_LIMIT = 1024 * 1024;
    /** The smallest outbound limit: below a few frames a session could not answer one request. */
    public static final int MIN_SESSION_OUTBOUND_LIMIT = 4096;

    /**
     * How clients reach the simulator and how their sessions are served.
     *
     * @param port        0 for any free port ({@link DtcSimulator#port()} tells which)
     * @param ioThreads   event-loop threads for the sessions; the exchange runs on the first
     * @param tls         the DTC port's TLS server context, or null for plain TCP
     * @param presetEncoding the only encoding served from the first byte, or null for automatic negotiation
     * @param refusedEncodings encodings an ENCODING_REQUEST is refused for (answered with the current one)
     * @param missedHeartbeatsBeforeDrop silent heartbeat intervals before a session is dropped
     * @param sessionPassBudget messages one session gets through per turn of its event loop
     * @param conformanceReplies whether conformance findings are told to the client as GENERAL_LOG_MESSAGE
     * @param seed        seed of every random choice (garbage bytes, slice sizes), so a failing run repeats
     */
    public record Connection(String host, int port, int ioThreads, SslContext tls, DtcEncoding presetEncoding,
                             Set<DtcEncoding> refusedEncodings, int missedHeartbeatsBeforeDrop, int sessionPassBudget,
                             boolean conformanceReplies, long seed) {
    }

    /**
     * How a LOGON_REQUEST is answered.
     *
     * @param username the required Username, or null when any logon is accepted
     * @param password the required Password, with {@code username}
     */
    public record Logon(String serverName, LogonOutcome outcome, String username, String password) {
    }

    /**
     * Where the exchange's state is kept between runs (recovery).
     *
     * @param stateDirectory   the directory, or null when the exchange lives in memory only
     * @param compactAfterEvents events written since the last snapshot before the next one
     */
    public record Storage(Path stateDirectory, int compactAfterEvents) {
    }

    /**
     * How the simulated exchange answers orders and requests.
     *
     * @param marketPrices fill prices of market orders by symbol; others fill at {@code defaultMarketPrice}
     * @param sierraStrictFillRequests HISTORICAL_ORDER_FILLS_REQUEST answered as Sierra Chart does (FACTS.md 3.4)
     * @param newServerOrderIdOnReplace whether CANCEL_REPLACE_ORDER gives the order a new ServerOrderID
     * @param scenario     rules that decide how orders are answered, or null for the fill policy alone
     * @param instruments  the symbols SECURITY_DEFINITION_FOR_SYMBOL_REQUEST is answered from
     */
    public record Exchange(AcceptVariant acceptVariant, FillPolicy fillPolicy, Map<String, Double> marketPrices,
                           double defaultMarketPrice, List<String> tradeAccounts, double startingCashBalance,
                           boolean sierraStrictFillRequests, boolean newServerOrderIdOnReplace, Scenario scenario,
                           InstrumentTable instruments) {
        /** The price a market order for {@code symbol} fills at. */
        public double marketPrice(String symbol) {
            return marketPrices.getOrDefault(symbol, defaultMarketPrice);
        }
    }

    /**
     * What the simulator keeps at most, so a long run's memory is bounded.
     *
     * @param journalCapacity      messages (in and out, all sessions) the journal keeps
     * @param finishedOrdersKept   filled, canceled or rejected orders that stay known for late cancels
     * @param fillHistoryCapacity  fills kept for HISTORICAL_ORDER_FILLS_REQUEST
     * @param sessionOutboundLimit bytes of answers a session's peer may leave unread before the session waits
     */
    public record Limits(int journalCapacity, int finishedOrdersKept, int fillHistoryCapacity, int sessionOutboundLimit) {
    }

    /**
     * The HTTP admin API.
     *
     * @param port  its port on the simulator's host, 0 for any free one, -1 when it is off
     * @param token the bearer token every request must carry, or null for none (loopback only)
     */
    public record Admin(int port, String token) {
        public boolean enabled() {
            return port >= 0;
        }
    }

    private final Connection connection;
    private final Logon logon;
    private final Storage storage;
    private final Exchange exchange;
    private final Limits limits;
    private final Admin admin;

    private SimulatorConfig(Builder b) {
        connection = new Connection(b.host, b.port, b.ioThreads, b.tls, b.presetEncoding, Set.copyOf(b.refusedEncodings),
                b.missedHeartbeatsBeforeDrop, b.sessionPassBudget, b.conformanceReplies, b.seed);
        logon = new Logon(b.serverName, b.logonOutcome, b.username, b.password);
        storage = new Storage(b.stateDirectory, b.stateCompactAfterEvents);
        exchange = new Exchange(b.acceptVariant, b.fillPolicy, Map.copyOf(b.marketPrices), b.defaultMarketPrice,
                List.copyOf(b.tradeAccounts), b.startingCashBalance, b.sierraStrictFillRequests,
                b.newServerOrderIdOnReplace, b.scenario, b.instruments);
        limits = new Limits(b.journalCapacity, b.finishedOrdersKept, b.fillHistoryCapacity, b.sessionOutboundLimit);
        admin = new Admin(b.adminPort, b.adminToken);
    }

    /**
     * Loopback, port 11099, orders acknowledged PENDING_OPEN then OPEN and filled at once, sessions
     * dropped after 2 silent intervals, one trade account Sim1 (as Sierra Chart names its simulated
     * account), automatic encoding, any logon accepted, state in memory, no admin API.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Connection connection() {
        return connection;
    }

    public Logon logon() {
        return logon;
    }

    public Storage storage() {
        return storage;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Limits limits() {
        return limits;
    }

    public Admin admin() {
        return admin;
    }

    /** Settings by name, flat; {@link #build()} checks them all and makes the immutable config. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int ioThreads = 1;
        private SslContext tls;
        private DtcEncoding presetEncoding;
        private Set<DtcEncoding> refusedEncodings = Set.of();
        private int missedHeartbeatsBeforeDrop = 2;
        private int sessionPassBudget = DEFAULT_SESSION_PASS_BUDGET;
        private boolean conformanceReplies = true;
        private long seed = 42;
        private String serverName = DEFAULT_SERVER_NAME;
        private LogonOutcome logonOutcome = LogonOutcome.SUCCESS;
        private String username;
        private String password;
        private Path stateDirectory;
        private int stateCompactAfterEvents = 100_000;
        private AcceptVariant acceptVariant = AcceptVariant.PENDING_OPEN_THEN_OPEN;
        private FillPolicy fillPolicy = FillPolicy.FILL_AT_ONCE;
        private final Map<String, Double> marketPrices = new LinkedHashMap<>();
        private double defaultMarketPrice = DEFAULT_MARKET_PRICE;
        private List<String> tradeAccounts = List.of(DEFAULT_TRADE_ACCOUNT);
        private double startingCashBalance = 100_000;
        private boolean sierraStrictFillRequests;
        private boolean newServerOrderIdOnReplace = true;
        private Scenario scenario;
        private InstrumentTable instruments = InstrumentTable.starters();
        private int journalCapacity = 10_000;
        private int finishedOrdersKept = 1_000;
        private int fillHistoryCapacity = 100_000;
        private int sessionOutboundLimit = DEFAULT_SESSION_OUTBOUND_LIMIT;
        private int adminPort = -1;
        private String adminToken;

        private Builder() {
        }

        private Builder(SimulatorConfig c) {
            Connection n = c.connection;
            host = n.host();
            port = n.port();
            ioThreads = n.ioThreads();
            tls = n.tls();
            presetEncoding = n.presetEncoding();
            refusedEncodings = n.refusedEncodings();
            missedHeartbeatsBeforeDrop = n.missedHeartbeatsBeforeDrop();
            sessionPassBudget = n.sessionPassBudget();
            conformanceReplies = n.conformanceReplies();
            seed = n.seed();
            serverName = c.logon.serverName();
            logonOutcome = c.logon.outcome();
            username = c.logon.username();
            password = c.logon.password();
            stateDirectory = c.storage.stateDirectory();
            stateCompactAfterEvents = c.storage.compactAfterEvents();
            Exchange x = c.exchange;
            acceptVariant = x.acceptVariant();
            fillPolicy = x.fillPolicy();
            marketPrices.putAll(x.marketPrices());
            defaultMarketPrice = x.defaultMarketPrice();
            tradeAccounts = x.tradeAccounts();
            startingCashBalance = x.startingCashBalance();
            sierraStrictFillRequests = x.sierraStrictFillRequests();
            newServerOrderIdOnReplace = x.newServerOrderIdOnReplace();
            scenario = x.scenario();
            instruments = x.instruments();
            journalCapacity = c.limits.journalCapacity();
            finishedOrdersKept = c.limits.finishedOrdersKept();
            fillHistoryCapacity = c.limits.fillHistoryCapacity();
            sessionOutboundLimit = c.limits.sessionOutboundLimit();
            adminPort = c.admin.port();
            adminToken = c.admin.token();
        }

        // --- connection

        public Builder host(String newHost) {
            host = newHost;
            return this;
        }

        /** The DTC port; 0 for any free port. */
        public Builder port(int newPort) {
            port = newPort;
            return this;
        }

        /** Any free port; {@link DtcSimulator#port()} tells which one was bound. */
        public Builder dynamicPort() {
            return port(0);
        }

        /**
         * Event-loop threads for the sessions (default 1). The exchange runs on the first of them, so with
         * one thread an order is read, matched and answered without a hand-off between threads; more
         * threads spread decoding and encoding over cores, and their sessions hand orders to that loop.
         */
        public Builder ioThreads(int threads) {
            ioThreads = threads;
            return this;
        }

        /**
         * Serve DTC over TLS on the DTC port with this server context (for example from
         * {@code SslContextBuilder.forServer(certificate, key)}); null, the default, serves plain TCP.
         */
        public Builder tls(SslContext serverContext) {
            tls = serverContext;
            return this;
        }

        /**
         * Serve only this encoding from the first byte, without an encoding request (Sierra Chart's
         * Encoding setting other than Automatic); null for automatic.
         */
        public Builder presetEncoding(DtcEncoding encoding) {
            presetEncoding = encoding;
            return this;
        }

        /** Encodings an ENCODING_REQUEST is refused for (answered with the current encoding). */
        public Builder refuseEncodings(DtcEncoding... encodings) {
            Set<DtcEncoding> refused = EnumSet.noneOf(DtcEncoding.class);
            refused.addAll(List.of(encodings));
            refusedEncodings = refused;
            return this;
        }

        public Builder missedHeartbeatsBeforeDrop(int missed) {
            missedHeartbeatsBeforeDrop = missed;
            return this;
        }

        /**
         * How many messages, counting those a session sends in and those sent to it meanwhile, one session
         * gets through before its event loop serves the others (default 128): a client flooding requests
         * then carries on in the next turn of the loop, with its unread bytes kept, so it cannot hold the
         * loop and every other session on it. One request's answer is not cut: a pass ends after the
         * request that spends the budget, so an OPEN_ORDERS_REQUEST with 200 working orders takes a pass.
         */
        public Builder sessionPassBudget(int messages) {
            sessionPassBudget = messages;
            return this;
        }

        /** Whether conformance findings on inbound frames are told to the client as GENERAL_LOG_MESSAGE. */
        public Builder conformanceReplies(boolean reply) {
            conformanceReplies = reply;
            return this;
        }

        /** Seed of every random choice (garbage bytes, slice sizes), so a failing run can be repeated. */
        public Builder seed(long newSeed) {
            seed = newSeed;
            return this;
        }

        // --- logon

        public Builder serverName(String newServerName) {
            serverName = newServerName;
            return this;
        }

        public Builder logonOutcome(LogonOutcome outcome) {
            logonOutcome = outcome;
            return this;
        }

        /** Logons must carry this Username and Password (Sierra Chart's "Require Authentication"). */
        public Builder credentials(String requiredUsername, String requiredPassword) {
            username = requiredUsername;
            password = requiredPassword;
            return this;
        }

        // --- storage (recovery)

        /**
         * Keeps the exchange's orders, fills, positions, balances, used ClientOrderIDs and id counters in
         * this directory, written before the client hears of them, so a simulator started again on it (even
         * after kill -9) carries on where the last one stopped. Null (the default): memory only.
         */
        public Builder stateDirectory(Path directory) {
            stateDirectory = directory;
            return this;
        }

        /**
         * With a state directory: replace the events kept by a snapshot of the state once this many (and
         * twice the last snapshot's) have been written since the last one (default 100 000).
         */
        public Builder stateCompactAfterEvents(int events) {
            stateCompactAfterEvents = events;
            return this;
        }

        // --- exchange behaviour

        public Builder acceptVariant(AcceptVariant newVariant) {
            acceptVariant = newVariant;
            return this;
        }

        /** Whether orders without a scenario rule fill at once or rest (see {@link FillPolicy}). */
        public Builder fillPolicy(FillPolicy policy) {
            fillPolicy = policy;
            return this;
        }

        /** Market orders for {@code symbol} fill at {@code price}. */
        public Builder marketPrice(String symbol, double price) {
            marketPrices.put(symbol, price);
            return this;
        }

        public Builder defaultMarketPrice(double price) {
            defaultMarketPrice = price;
            return this;
        }

        /**
         * The trade accounts served (default Sim1): TRADE_ACCOUNTS_REQUEST lists them, orders trade only in
         * them, and an order naming no account trades in the only one when there is just one.
         */
        public Builder tradeAccounts(String... accounts) {
            tradeAccounts = java.util.Arrays.asList(accounts.clone());
            return this;
        }

        public Builder startingCashBalance(double balance) {
            startingCashBalance = balance;
            return this;
        }

        /**
         * Answer HISTORICAL_ORDER_FILLS_REQUEST as Sierra Chart does rather than as its docs say: reject
         * NumberOfDays = StartDateTime = 0 and an empty TradeAccount with HISTORICAL_ORDER_FILLS_REJECT (FACTS.md 3.4).
         */
        public Builder sierraStrictFillRequests(boolean strict) {
            sierraStrictFillRequests = strict;
            return this;
        }

        /** Whether CANCEL_REPLACE_ORDER gives the order a new ServerOrderID (with PreviousServerOrderID); default yes. */
        public Builder newServerOrderIdOnReplace(boolean newId) {
            newServerOrderIdOnReplace = newId;
            return this;
        }

        /** Rules that decide how orders are answered; null for the fill policy alone. */
        public Builder scenario(Scenario newScenario) {
            scenario = newScenario;
            return this;
        }

        /**
         * The symbols security definitions are answered from (default {@link InstrumentTable#starters()}: ES, NQ,
         * CL, GC, 6E, AAPL, BTCUSD); an unknown symbol gets SECURITY_DEFINITION_REJECT.
         */
        public Builder instruments(InstrumentTable table) {
            if (table == null) {
                throw new IllegalArgumentException("instruments: null (expected: an instrument table)");
            }
            instruments = table;
            return this;
        }

        // --- memory limits

        /** How many messages (in and out, all sessions) the journal keeps; older ones drop out. */
        public Builder journalCapacity(int capacity) {
            journalCapacity = capacity;
            return this;
        }

        /** How many filled, canceled or rejected orders stay known (for late cancels); older ones age out. */
        public Builder finishedOrdersKept(int kept) {
            finishedOrdersKept = kept;
            return this;
        }

        /** How many fills the history keeps for HISTORICAL_ORDER_FILLS_REQUEST; older ones drop out. */
        public Builder fillHistoryCapacity(int capacity) {
            fillHistoryCapacity = capacity;
            return this;
        }

        /**
         * Bytes of answers a session's peer may leave unread (default 1 MiB) before the simulator stops
         * reading from it and handling its requests, inside one read too, until the peer has read down to a
         * quarter of it: a client that floods requests and never reads costs the simulator this, not its answers.
         */
        public Builder sessionOutboundLimit(int bytes) {
            sessionOutboundLimit = bytes;
            return this;
        }

        // --- admin API

        /** Serve the HTTP admin API on this port of the simulator's host (0: any free port); off by default. */
        public Builder adminPort(int newPort) {
            adminPort = newPort;
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every admin request (401 otherwise); null,
         * the default, requires none, which is allowed only while the admin API listens on loopback:
         * {@link DtcSimulator#start} refuses an admin API on another host (0.0.0.0, say) without a token.
         */
        public Builder adminToken(String token) {
            adminToken = token;
            return this;
        }

        /** The settings as one immutable config; the first setting out of range fails here. */
        public SimulatorConfig build() {
            required("host", host);
            required("serverName", serverName);
            required("acceptVariant", acceptVariant);
            required("fillPolicy", fillPolicy);
            required("logonOutcome", logonOutcome);
            if (port < 0 || port > 65_535) {
                throw invalid("port", port, "0 for any free port, or 1 to 65535");
            }
            atLeastOne("ioThreads", ioThreads);
            if (tls != null && !tls.isServer()) {
                throw invalid("tls", "a client SslContext", "a server SslContext, from SslContextBuilder.forServer");
            }
            atLeastOne("missedHeartbeatsBeforeDrop", missedHeartbeatsBeforeDrop);
            atLeastOne("sessionPassBudget", sessionPassBudget);
            atLeastOne("stateCompactAfterEvents", stateCompactAfterEvents);
            for (Map.Entry<String, Double> p : marketPrices.entrySet()) {
                price("marketPrice " + p.getKey(), p.getValue());
            }
            price("defaultMarketPrice", defaultMarketPrice);
            if (tradeAccounts.isEmpty() || new HashSet<>(tradeAccounts).size() != tradeAccounts.size()
                    || tradeAccounts.stream().anyMatch(a -> a == null || a.isEmpty())) {
                throw invalid("tradeAccounts", tradeAccounts,
                        "one or more different, non-empty names, e.g. " + DEFAULT_TRADE_ACCOUNT);
            }
            if (!Double.isFinite(startingCashBalance)) {
                throw invalid("startingCashBalance", startingCashBalance, "a finite number");
            }
            atLeastOne("journalCapacity", journalCapacity);
            atLeastOne("finishedOrdersKept", finishedOrdersKept);
            atLeastOne("fillHistoryCapacity", fillHistoryCapacity);
            if (sessionOutboundLimit < MIN_SESSION_OUTBOUND_LIMIT) {
                throw invalid("sessionOutboundLimit", sessionOutboundLimit, "at least " + MIN_SESSION_OUTBOUND_LIMIT + " bytes");
            }
            if (adminPort < -1 || adminPort > 65_535) {
                throw invalid("adminPort", adminPort, "-1 for off, 0 for any free port, or 1 to 65535");
            }
            if (adminToken != null && adminToken.isBlank()) {
                throw invalid("adminToken", "a blank text", "null for none, or a secret");
            }
            return new SimulatorConfig(this);
        }

        private static void required(String setting, Object value) {
            if (value == null) {
                throw invalid(setting, null, "a value");
            }
        }

        private static void atLeastOne(String setting, int value) {
            if (value < 1) {
                throw invalid(setting, value, "at least 1");
            }
        }

        /** Market prices are fill prices: judged as every price the exchange books. */
        private static void price(String setting, double price) {
            if (MarketValues.priceProblem(setting, price) != null) {
                throw invalid(setting, price, "a price of at least 0, at most 1e9");
            }
        }

        private static IllegalArgumentException invalid(String setting, Object value, String expected) {
            return new IllegalArgumentException(setting + ": " + value + " (expected: " + expected + ")");
        }
    }
}
