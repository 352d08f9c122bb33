package dev.dtcharness.client.track;

import dev.dtcharness.protocol.MessageView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest ACCOUNT_BALANCE_UPDATE (600) per account, solicited or not (FACTS 3.7). Register with
 * {@code client.onMessage("ACCOUNT_BALANCE_UPDATE", tracker::onBalanceUpdate)}.
 */
public final class BalanceTracker {
    private final Map<String, Balance> byAccount = new ConcurrentHashMap<>();

    /** One account's balance as the server last reported it; unset numbers read NaN. */
    public record Balance(String tradeAccount, String currency, double cashBalance, double availableForNewPositions,
                          double openPositionsProfitLoss, double dailyProfitLoss) {
    }

    /** Reads the update during the call and keeps only the numbers: it may be lent, not given. */
    public void onBalanceUpdate(MessageView m) {
        if (m.isSet("NoAccountBalances") && m.getLong("NoAccountBalances") != 0) {
            return;
        }
        String account = m.getString("TradeAccount");
        byAccount.put(account, new Balance(account, m.getString("AccountCurrency"), number(m, "CashBalance"),
                number(m, "BalanceAvailableForNewPositions"), number(m, "OpenPositionsProfitLoss"),
                number(m, "DailyProfitLoss")));
    }

    public Optional<Balance> balance(String tradeAccount) {
        return Optional.ofNullable(byAccount.get(tradeAccount));
    }

    private static double number(MessageView m, String field) {
        if (!m.isSet(field)) {
            return Double.NaN;
        }
        double v = m.getDouble(field);
        return v == Double.MAX_VALUE ? Double.NaN : v;
    }
}
