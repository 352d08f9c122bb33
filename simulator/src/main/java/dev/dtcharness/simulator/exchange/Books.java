package dev.dtcharness.simulator.exchange;

import dev.dtcharness.simulator.SimulatorConfig;

/**
 * What the exchange keeps about trading, and what a store snapshots and replays: orders, used
 * ClientOrderIDs, accounts with their positions and balances, the fill history, the id counters.
 * Only a grouping: each part is handed to the helpers that need it; touched only on the exchange thread.
 */
final class Books {
    final OrderTable orders;
    final ClientOrderIds usedClientOrderIds = new ClientOrderIds(100_000);
    final Accounts accounts;
    final FillHistory fills;
    final OrderIds ids = new OrderIds();

    Books(SimulatorConfig config) {
        this.accounts = new Accounts(config.exchange().tradeAccounts(), config.exchange().startingCashBalance());
        this.fills = new FillHistory(config.limits().fillHistoryCapacity());
        // Finished orders only answer late cancels and lookups: the oldest age out.
        this.orders = new OrderTable(config.limits().finishedOrdersKept());
    }

    /** Forgets orders, fills, positions, balances and used ClientOrderIDs; ids keep counting, so they stay unique. */
    void clear() {
        orders.clear();
        usedClientOrderIds.clear();
        accounts.clear();
        fills.clear();
    }
}
