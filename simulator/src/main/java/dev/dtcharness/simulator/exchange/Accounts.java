package dev.dtcharness.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trade accounts with their positions per symbol and cash balance (starting balance plus realised
 * profit and loss), kept consistent with every fill. The accounts served are the configured ones:
 * orders trade only in them and TRADE_ACCOUNTS_REQUEST lists only them. A state directory may hold
 * others (an account configured in an earlier run); their state is kept, not served.
 * Touched only on the exchange thread.
 */
final class Accounts {
    private final double startingBalance;
    private final List<String> configured;
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, Map<String, Position>> positions = new LinkedHashMap<>();
    private final Map<String, Double> realised = new LinkedHashMap<>();
    /** What the last {@link #fill} realised: most fills open or add to a position and realise nothing. */
    private double lastRealised;
    // Orders mostly come from one account: its name and positions as last looked up, so that each
    // order and fill does not hash its freshly decoded account name into two maps again.
    private String lastAccount;
    private Map<String, Position> lastBySymbol;

    Accounts(List<String> configured, double startingBalance) {
        this.configured = configured;
        this.startingBalance = startingBalance;
        clear();
    }

    void clear() {
        forgetLast();
        names.clear();
        names.addAll(configured);
        positions.clear();
        realised.clear();
    }

    void know(String account) {
        if (!account.equals(lastAccount)) {
            names.add(account);
        }
    }

    /**
     * Why an order cannot trade in {@code account}, or null: it names an account not served, or none
     * while there are several to choose from (FACTS.md 3.2 I). The sentence lists the accounts.
     */
    String problem(String account) {
        if (account.isEmpty() ? configured.size() == 1 : configured.contains(account)) {
            return null;
        }
        String served = String.join(", ", configured);
        return account.isEmpty() ? "TradeAccount is empty (expected: one of this simulator's accounts: " + served + ")"
                : "TradeAccount " + account + " is not an account of this simulator (accounts: " + served + ")";
    }

    /** The account an order trades in: the one it names, or the only one served when it names none. */
    String resolve(String account) {
        return account.isEmpty() && configured.size() == 1 ? configured.get(0) : account;
    }

    /** Books a fill and returns the position after it. */
    Position fill(String account, String symbol, double signedQuantity, double price) {
        Map<String, Position> bySymbol;
        if (account.equals(lastAccount)) {
            bySymbol = lastBySymbol;
        } else {
            names.add(account);
            bySymbol = positions.computeIfAbsent(account, a -> new LinkedHashMap<>());
            lastAccount = account;
            lastBySymbol = bySymbol;
        }
        Position before = bySymbol.getOrDefault(symbol, Position.FLAT);
        lastRealised = before.realisedBy(signedQuantity, price);
        if (lastRealised != 0) {
            realised.merge(account, lastRealised, Double::sum);
        }
        Position after = before.after(signedQuantity, price);
        bySymbol.put(symbol, after);
        return after;
    }

    /** Whether the last fill changed its account's cash balance (it realised a profit or loss). */
    boolean lastFillChangedCash() {
        return lastRealised != 0;
    }

    /** Every position of one account, flat ones included, by symbol. */
    Map<String, Position> positions(String account) {
        return new LinkedHashMap<>(positions.getOrDefault(account, Map.of()));
    }

    double realised(String account) {
        return realised.getOrDefault(account, 0.0);
    }

    /** Sets an account as a snapshot recorded it. */
    void restore(String account, double realisedPnl, Map<String, Position> bySymbol) {
        forgetLast();
        know(account);
        positions.put(account, new LinkedHashMap<>(bySymbol));
        realised.put(account, realisedPnl);
    }

    Position position(String account, String symbol) {
        return positions.getOrDefault(account, Map.of()).getOrDefault(symbol, Position.FLAT);
    }

    /** Open positions (quantity not 0) of one account, by symbol. */
    Map<String, Position> openPositions(String account) {
        Map<String, Position> open = new LinkedHashMap<>();
        positions.getOrDefault(account, Map.of()).forEach((s, p) -> {
            if (p.quantity() != 0) {
                open.put(s, p);
            }
        });
        return open;
    }

    double cashBalance(String account) {
        return startingBalance + realised.getOrDefault(account, 0.0);
    }

    private void forgetLast() {
        lastAccount = null;
        lastBySymbol = null;
    }

    /** The accounts served, as configured: what TRADE_ACCOUNTS_REQUEST lists. */
    List<String> served() {
        return configured;
    }

    /** Every account holding state: the configured ones, then others a state directory brought back. */
    List<String> names() {
        return List.copyOf(names);
    }
}
