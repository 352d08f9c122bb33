package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.message.AccountBalanceUpdate;

/** Writes ACCOUNT_BALANCE_UPDATE (600): pushed when a fill changes the cash (FACTS.md 3.7), and as answers. */
final class BalanceUpdates {
    private BalanceUpdates() {
    }

    /** The account's balance, written into {@code into} (cleared first); the caller numbers it. */
    static AccountBalanceUpdate of(AccountBalanceUpdate into, String account, double cash) {
        return into.clear().setTradeAccount(account).setCashBalance(cash).setBalanceAvailableForNewPositions(cash)
                .setAccountCurrency("USD");
    }

    /** The balance after a fill that realised profit or loss, pushed unprompted. */
    static AccountBalanceUpdate unsolicited(AccountBalanceUpdate into, String account, double cash) {
        return of(into, account, cash).setRequestID(0).setTotalNumberMessages(1).setMessageNumber(1).setUnsolicited(1);
    }
}
