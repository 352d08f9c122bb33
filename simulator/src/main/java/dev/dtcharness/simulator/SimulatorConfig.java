package dev.dtcharness.simulator;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.simulator.exchange.MarketValues;
import dev.dtcharness.simulator.script.Scenario;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Settings of a {@link DtcSimulator}; immutable, each {@code name(value)} call returns a changed copy:
 * {@code SimulatorConfig.defaults().dynamicPort().fillPolicy(FillPolicy.REST_LIMIT_ORDERS)}.
 * Accessors keep the names of the record this class used to be.
 *
 * <p>One file over 300 lines: one setter, one accessor and one check per setting, so that every
 * setting is found, documented and validated in one place.
 */
public final class SimulatorConfig implements Cloneable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 11099;
    public static final String DEFAULT_SERVER_NAME = "DTC Harness Simulator";
    public static final double DEFAULT_MARKET_PRICE = 100.0;
    /** Messages in and out one session may take per turn of its event loop (see {@link #sessionPassBudget(int)}). */
    public static final int DEFAULT_SESSION_PASS_BUDGET = 128;
    /** Bytes of answers a session's peer may leave unread before the session waits (see {@link #sessionOutboundLimit(int)}). */
    public static final int DEFAULT_SESSION_OUTBOUND_LIMIT = 1024 * 1024;

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String serverName = DEFAULT_SERVER_NAME;
    private AcceptVariant acceptVariant = AcceptVariant.PENDING_OPEN_THEN_OPEN;
    private int missedHeartbeatsBeforeDrop = 2;
    private Map<String, Double> marketPrices = Map.of();
    private double defaultMarketPrice = DEFAULT_MARKET_PRICE;
    private FillPolicy fillPolicy = FillPolicy.FILL_AT_ONCE;
    /** Sierra Chart's name for its simulated trading account. */
    public static final String DEFAULT_TRADE_ACCOUNT = "Sim1";

    private List<String> tradeAccounts = List.of(DEFAULT_TRADE_ACCOUNT);
    private double startingCashBalance = 100_000;
    private boolean sierraStrictFillRequests;
    private boolean newServerOrderIdOnReplace = true;
    private int journalCapacity = 10_000;
    private int finishedOrdersKept = 1_000;
    private int fillHistoryCapacity = 100_000;
    private boolean conformanceReplies = true;
    private long seed = 42;
    private int ioThreads = 1;
    private int sessionPassBudget = DEFAULT_SESSION_PASS_BUDGET;
    private int sessionOutboundLimit = DEFAULT_SESSION_OUTBOUND_LIMIT;
    private Scenario scenario;
    private LogonOutcome logonOutcome = LogonOutcome.SUCCESS;
    private String username;
    private String password;
    private DtcEncoding presetEncoding;
    private SslContext tls;
    private Set<DtcEncoding> refusedEncodings = Set.of();
    private int adminPort = -1;
    private String adminToken;
    private Path stateDirectory;
    private int stateCompactAfterEvents = 100_000;

    private SimulatorConfig() {
    }

    /**
     * Loopback, port 11099, orders acknowledged PENDING_OPEN then OPEN and filled at once, sessions
     * dropped after 2 silent intervals, one trade account Sim1 (as Sierra Chart names its simulated
     * account), automatic encoding, any logon accepted.
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig();
    }

    private SimulatorConfig with(Consumer<SimulatorConfig> change) {
        SimulatorConfig copy;
        try {
            copy = (SimulatorConfig) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        change.accept(copy);
        copy.validate();
        return copy;
    }

    private void validate() {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(acceptVariant, "acceptVariant");
        Objects.requireNonNull(fillPolicy, "fillPolicy");
        Objects.requireNonNull(logonOutcome, "logonOutcome");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " (expected: 0 for any free port, or 1 to 65535)");
        }
        if (missedHeartbeatsBeforeDrop < 1) {
            throw new IllegalArgumentException("missedHeartbeatsBeforeDrop " + missedHeartbeatsBeforeDrop
                    + " (expected: at least 1)");
        }
        positive("journalCapacity", journalCapacity);
        positive("finishedOrdersKept", finishedOrdersKept);
        positive("fillHistoryCapacity", fillHistoryCapacity);
        positive("ioThreads", ioThreads);
        positive("sessionPassBudget", sessionPassBudget);
        if (sessionOutboundLimit < 4096) {
            throw new IllegalArgumentException("sessionOutboundLimit " + sessionOutboundLimit + " (expected: at least 4096 bytes)");
        }
        positive("stateCompactAfterEvents", stateCompactAfterEvents);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " (expected: at least 1)");
        }
    }

    public SimulatorConfig host(String newHost) {
        return with(c -> c.host = newHost);
    }

    public SimulatorConfig port(int newPort) {
        return with(c -> c.port = newPort);
    }

    /** Any free port; {@link DtcSimulator#port()} tells which one was bound. */
    public SimulatorConfig dynamicPort() {
        return port(0);
    }

    public SimulatorConfig serverName(String newServerName) {
        return with(c -> c.serverName = newServerName);
    }

    public SimulatorConfig acceptVariant(AcceptVariant newVariant) {
        return with(c -> c.acceptVariant = newVariant);
    }

    public SimulatorConfig missedHeartbeatsBeforeDrop(int missed) {
        return with(c -> c.missedHeartbeatsBeforeDrop = missed);
    }

    /** Market orders for {@code symbol} fill at {@code price}. */
    public SimulatorConfig marketPrice(String symbol, double price) {
        checkPrice("market price of " + symbol, price);
        Map<String, Double> prices = new HashMap<>(marketPrices);
        prices.put(symbol, price);
        return with(c -> c.marketPrices = Map.copyOf(prices));
    }

    public SimulatorConfig defaultMarketPrice(double price) {
        checkPrice("default market price", price);
        return with(c -> c.defaultMarketPrice = price);
    }

    /** Whether orders without a scenario rule fill at once or rest (see {@link FillPolicy}). */
    public SimulatorConfig fillPolicy(FillPolicy policy) {
        return with(c -> c.fillPolicy = policy);
    }

    /**
     * The trade accounts served (default Sim1): TRADE_ACCOUNTS_REQUEST lists them, orders trade only in
     * them, and an order naming no account trades in the only one when there is just one.
     */
    public SimulatorConfig tradeAccounts(String... accounts) {
        if (accounts.length == 0 || new java.util.HashSet<>(List.of(accounts)).size() != accounts.length
                || List.of(accounts).contains("")) {
            throw new IllegalArgumentException("trade accounts " + List.of(accounts)
                    + " (expected: one or more different, non-empty names, e.g. " + DEFAULT_TRADE_ACCOUNT + ")");
        }
        return with(c -> c.tradeAccounts = List.of(accounts));
    }

    public SimulatorConfig startingCashBalance(double balance) {
        if (!Double.isFinite(balance)) {
            throw new IllegalArgumentException("starting cash balance " + balance + " (expected: a finite number)");
        }
        return with(c -> c.startingCashBalance = balance);
    }

    /**
     * Answer HISTORICAL_ORDER_FILLS_REQUEST as Sierra Chart does rather than as its docs say: reject
     * NumberOfDays = StartDateTime = 0 and an empty TradeAccount with HISTORICAL_ORDER_FILLS_REJECT (FACTS.md 3.4).
     */
    public SimulatorConfig sierraStrictFillRequests(boolean strict) {
        return with(c -> c.sierraStrictFillRequests = strict);
    }

    /** Whether CANCEL_REPLACE_ORDER gives the order a new ServerOrderID (with PreviousServerOrderID); default yes. */
    public SimulatorConfig newServerOrderIdOnReplace(boolean newId) {
        return with(c -> c.newServerOrderIdOnReplace = newId);
    }

    /** How many messages (in and out, all sessions) the journal keeps; older ones drop out. */
    public SimulatorConfig journalCapacity(int capacity) {
        return with(c -> c.journalCapacity = capacity);
    }

    /** How many filled, canceled or rejected orders stay known (for late cancels); older ones age out. */
    public SimulatorConfig finishedOrdersKept(int kept) {
        return with(c -> c.finishedOrdersKept = kept);
    }

    /** How many fills the history keeps for HISTORICAL_ORDER_FILLS_REQUEST; older ones drop out. */
    public SimulatorConfig fillHistoryCapacity(int capacity) {
        return with(c -> c.fillHistoryCapacity = capacity);
    }

    /** Whether conformance findings on inbound frames are told to the client as GENERAL_LOG_MESSAGE. */
    public SimulatorConfig conformanceReplies(boolean reply) {
        return with(c -> c.conformanceReplies = reply);
    }

    /** Seed of every random choice (garbage bytes, slice sizes), so a failing run can be repeated. */
    public SimulatorConfig seed(long newSeed) {
        return with(c -> c.seed = newSeed);
    }

    /**
     * Event-loop threads for the sessions (default 1). The exchange runs on the first of them, so with
     * one thread an order is read, matched and answered without a hand-off between threads; more
     * threads spread decoding and encoding over cores, and their sessions hand orders to that loop.
     */
    public SimulatorConfig ioThreads(int threads) {
        return with(c -> c.ioThreads = threads);
    }

    public int ioThreads() {
        return ioThreads;
    }

    /**
     * How many messages, counting those a session sends in and those sent to it meanwhile, one session
     * gets through before its event loop serves the others (default 128): a client flooding requests
     * then carries on in the next turn of the loop, with its unread bytes kept, so it cannot hold the
     * loop and every other session on it. One request's answer is not cut: a pass ends after the
     * request that spends the budget, so an OPEN_ORDERS_REQUEST with 200 working orders takes a pass.
     */
    public SimulatorConfig sessionPassBudget(int messages) {
        return with(c -> c.sessionPassBudget = messages);
    }

    public int sessionPassBudget() {
        return sessionPassBudget;
    }

    /**
     * Bytes of answers a session's peer may leave unread (default 1 MiB) before the simulator stops
     * reading from it and handling its requests, inside one read too, until the peer has read down to a
     * quarter of it: a client that floods requests and never reads costs the simulator this, not its answers.
     */
    public SimulatorConfig sessionOutboundLimit(int bytes) {
        return with(c -> c.sessionOutboundLimit = bytes);
    }

    public int sessionOutboundLimit() {
        return sessionOutboundLimit;
    }

    /** Rules that decide how orders are answered; null for the fill policy alone. */
    public SimulatorConfig scenario(Scenario newScenario) {
        return with(c -> c.scenario = newScenario);
    }

    public SimulatorConfig logonOutcome(LogonOutcome outcome) {
        return with(c -> c.logonOutcome = outcome);
    }

    /** Logons must carry this Username and Password (Sierra Chart's "Require Authentication"). */
    public SimulatorConfig credentials(String requiredUsername, String requiredPassword) {
        return with(c -> {
            c.username = requiredUsername;
            c.password = requiredPassword;
        });
    }

    /**
     * Serve DTC over TLS on the DTC port with this server context (for example from
     * {@code SslContextBuilder.forServer(certificate, key)}); null, the default, serves plain TCP.
     */
    public SimulatorConfig tls(SslContext serverContext) {
        if (serverContext != null && !serverContext.isServer()) {
            throw new IllegalArgumentException("tls: a server SslContext is needed (SslContextBuilder.forServer)");
        }
        return with(c -> c.tls = serverContext);
    }

    /** The TLS context of the DTC port, or null for plain TCP. */
    public SslContext tls() {
        return tls;
    }

    /**
     * Serve only this encoding from the first byte, without an encoding request (Sierra Chart's
     * Encoding setting other than Automatic); null for automatic.
     */
    public SimulatorConfig presetEncoding(DtcEncoding encoding) {
        return with(c -> c.presetEncoding = encoding);
    }

    /** Encodings an ENCODING_REQUEST is refused for (answered with the current encoding). */
    public SimulatorConfig refuseEncodings(DtcEncoding... encodings) {
        Set<DtcEncoding> refused = EnumSet.noneOf(DtcEncoding.class);
        refused.addAll(List.of(encodings));
        return with(c -> c.refusedEncodings = Set.copyOf(refused));
    }

    /** Serve the HTTP admin API on this port of the simulator's host (0: any free port); off by default. */
    public SimulatorConfig adminPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("adminPort " + port + " (expected: 0 for any free port, or 1 to 65535)");
        }
        return with(c -> c.adminPort = port);
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every admin request (401 otherwise); null,
     * the default, requires none, which is allowed only while the admin API listens on loopback:
     * {@link DtcSimulator#start} refuses an admin API on another host (0.0.0.0, say) without a token.
     */
    public SimulatorConfig adminToken(String token) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("adminToken is blank (expected: null for none, or a secret)");
        }
        return with(c -> c.adminToken = token);
    }

    /**
     * Keeps the exchange's orders, fills, positions, balances, used ClientOrderIDs and id counters in
     * this directory, written before the client hears of them, so a simulator started again on it (even
     * after kill -9) carries on where the last one stopped. Null (the default): memory only.
     */
    public SimulatorConfig stateDirectory(Path directory) {
        return with(c -> c.stateDirectory = directory);
    }

    /**
     * With a state directory: replace the events kept by a snapshot of the state once this many (and
     * twice the last snapshot's) have been written since the last one (default 100 000).
     */
    public SimulatorConfig stateCompactAfterEvents(int events) {
        return with(c -> c.stateCompactAfterEvents = events);
    }

    public int stateCompactAfterEvents() {
        return stateCompactAfterEvents;
    }

    /** Where the exchange's state is kept, or null when only in memory. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The admin API's port, 0 for any, or -1 when it is off. */
    public int adminPort() {
        return adminPort;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String serverName() {
        return serverName;
    }

    public AcceptVariant acceptVariant() {
        return acceptVariant;
    }

    public int missedHeartbeatsBeforeDrop() {
        return missedHeartbeatsBeforeDrop;
    }

    /** Market prices are fill prices: judged as every price the exchange books. */
    private static void checkPrice(String what, double price) {
        String problem = MarketValues.priceProblem(what, price);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public Map<String, Double> marketPrices() {
        return marketPrices;
    }

    public double defaultMarketPrice() {
        return defaultMarketPrice;
    }

    /** The price a market order for {@code symbol} fills at. */
    public double marketPrice(String symbol) {
        return marketPrices.getOrDefault(symbol, defaultMarketPrice);
    }

    public FillPolicy fillPolicy() {
        return fillPolicy;
    }

    public List<String> tradeAccounts() {
        return tradeAccounts;
    }

    public double startingCashBalance() {
        return startingCashBalance;
    }

    public boolean sierraStrictFillRequests() {
        return sierraStrictFillRequests;
    }

    public boolean newServerOrderIdOnReplace() {
        return newServerOrderIdOnReplace;
    }

    public int journalCapacity() {
        return journalCapacity;
    }

    public int finishedOrdersKept() {
        return finishedOrdersKept;
    }

    public int fillHistoryCapacity() {
        return fillHistoryCapacity;
    }

    public boolean conformanceReplies() {
        return conformanceReplies;
    }

    public long seed() {
        return seed;
    }

    /** The configured scenario, or null. */
    public Scenario scenario() {
        return scenario;
    }

    public LogonOutcome logonOutcome() {
        return logonOutcome;
    }

    /** The required Username, or null when any logon is accepted. */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The preset encoding, or null for automatic (encoding request sequence, JSON-first detection). */
    public DtcEncoding presetEncoding() {
        return presetEncoding;
    }

    public Set<DtcEncoding> refusedEncodings() {
        return refusedEncodings;
    }
}
