package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers the resync requests a client sends on connect and reconnect (FACTS.md 3.1, 3.3 to 3.7).
 * Each batch is written in one go from the exchange thread, so no real-time update interleaves it.
 */
final class TradingQueries {
    private final OrderEngine engine;
    private final DtcMessage openOrderScratch = OrderUpdates.blank();

    TradingQueries(OrderEngine engine) {
        this.engine = engine;
    }

    /** OPEN_ORDERS_REQUEST (300): one 301 per working order, or one with NoOrders = 1. */
    void openOrders(SessionLink from, DtcMessage request) {
        int requestId = request.getInt("RequestID");
        String account = request.getString("TradeAccount");
        boolean all = request.getLong("RequestAllOrders") != 0;
        String wanted = request.getString("ServerOrderID");
        List<Order> open = engine.orders.working().stream()
                .filter(o -> account.isEmpty() || o.account.equals(account))
                .filter(o -> all || o.serverOrderId.equals(wanted))
                .toList();
        if (open.isEmpty()) {
            engine.send(from, OrderUpdates.noOrders(requestId));
            return;
        }
        int n = 0;
        long now = engine.now();
        for (Order o : open) {
            // One message filled again per order (encoded at once on the engine's loop, copied otherwise): a
            // client asking again and again for a long list costs the loop no allocation per answer.
            engine.sendBorrowed(from, OrderUpdates.current(openOrderScratch, o, "OPEN_ORDERS_REQUEST_RESPONSE", now)
                    .set("RequestID", requestId).set("TotalNumMessages", open.size()).set("MessageNumber", ++n));
        }
    }

    /** HISTORICAL_ORDER_FILLS_REQUEST (303): one 304 per fill, one with NoOrderFills = 1, or a 308. */
    void fills(SessionLink from, DtcMessage request) {
        int requestId = request.getInt("RequestID");
        String account = request.getString("TradeAccount");
        long days = request.getLong("NumberOfDays");
        long start = request.getLong("StartDateTime");
        if (engine.config.exchange().sierraStrictFillRequests()) {
            String why = account.isEmpty() ? "TradeAccount is not set"
                    : days == 0 && start == 0 ? "Must have either NumberOfDays or StartDateTime Non-Zero" : null;
            if (why != null) {
                engine.send(from, DtcMessage.of("HISTORICAL_ORDER_FILLS_REJECT").set("RequestID", requestId)
                        .set("RejectText", why));
                return;
            }
        }
        // StartDateTime wins over NumberOfDays; both 0 means every fill (the documented reading).
        long fromMillis = start != 0 ? startMillis(start) : days != 0 ? engine.now() - days * 86_400_000L : Long.MIN_VALUE;
        String serverOrderId = request.getString("ServerOrderID");
        List<Fill> wanted = engine.fills.all().stream()
                .filter(f -> account.isEmpty() || f.tradeAccount().equals(account))
                .filter(f -> serverOrderId.isEmpty() || f.serverOrderId().equals(serverOrderId))
                .filter(f -> f.epochMillis() >= fromMillis)
                .toList();
        if (wanted.isEmpty()) {
            engine.send(from, DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", requestId)
                    .set("TotalNumberMessages", 1).set("MessageNumber", 1).set("NoOrderFills", 1));
            return;
        }
        int n = 0;
        for (Fill f : wanted) {
            engine.send(from, DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", requestId)
                    .set("TotalNumberMessages", wanted.size()).set("MessageNumber", ++n)
                    .set("Symbol", f.symbol()).set("Exchange", f.exchange()).set("ServerOrderID", f.serverOrderId())
                    .setEnum("BuySell", f.side()).set("Price", f.price()).set("DateTime", f.epochMillis() / 1000)
                    .set("Quantity", f.quantity()).set("UniqueExecutionID", f.executionId())
                    .set("TradeAccount", f.tradeAccount()).set("PositionQuantity", f.positionAfter()));
        }
    }

    /**
     * StartDateTime (seconds) in milliseconds, saturating: a start beyond what milliseconds can count
     * (up to 2^63-1 seconds) is later than every fill, not a product wrapped round into the past.
     */
    static long startMillis(long startSeconds) {
        if (startSeconds > Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        return startSeconds < Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : startSeconds * 1000;
    }

    /** CURRENT_POSITIONS_REQUEST (305): one 306 per open position, or one with NoPositions = 1. */
    void positions(SessionLink from, DtcMessage request) {
        int requestId = request.getInt("RequestID");
        String account = request.getString("TradeAccount");
        List<DtcMessage> out = new ArrayList<>();
        for (String a : engine.accounts.served()) {
            if (!account.isEmpty() && !a.equals(account)) {
                continue;
            }
            for (Map.Entry<String, Position> p : engine.accounts.openPositions(a).entrySet()) {
                out.add(PositionUpdates.solicited(requestId, 0, 0, a, p.getKey(), p.getValue()));
            }
        }
        if (out.isEmpty()) {
            engine.send(from, PositionUpdates.none(requestId));
            return;
        }
        sendNumbered(from, out, "TotalNumberMessages");
    }

    /** TRADE_ACCOUNTS_REQUEST (400): one 401 per account; RequestID echoed (FACTS.md 3.6). */
    void accounts(SessionLink from, DtcMessage request) {
        int requestId = request.getInt("RequestID");
        List<DtcMessage> out = new ArrayList<>();
        for (String a : engine.accounts.served()) {
            out.add(DtcMessage.of("TRADE_ACCOUNT_RESPONSE").set("TradeAccount", a).set("RequestID", requestId));
        }
        if (out.isEmpty()) {
            out.add(DtcMessage.of("TRADE_ACCOUNT_RESPONSE").set("TradeAccount", "").set("RequestID", requestId));
        }
        sendNumbered(from, out, "TotalNumberMessages");
    }

    /** ACCOUNT_BALANCE_REQUEST (601): one 600 per account, or one with NoAccountBalances = 1. */
    void balances(SessionLink from, DtcMessage request) {
        int requestId = request.getInt("RequestID");
        String account = request.getString("TradeAccount");
        List<DtcMessage> out = new ArrayList<>();
        for (String a : engine.accounts.served()) {
            if (account.isEmpty() || a.equals(account)) {
                out.add(balance(a, engine.accounts.cashBalance(a)).set("RequestID", requestId).set("Unsolicited", 0));
            }
        }
        if (out.isEmpty()) {
            engine.send(from, DtcMessage.of("ACCOUNT_BALANCE_UPDATE").set("RequestID", requestId)
                    .set("TotalNumberMessages", 1).set("MessageNumber", 1).set("NoAccountBalances", 1));
            return;
        }
        sendNumbered(from, out, "TotalNumberMessages");
    }

    static DtcMessage balance(String account, double cash) {
        return DtcMessage.of("ACCOUNT_BALANCE_UPDATE").set("TradeAccount", account).set("CashBalance", cash)
                .set("BalanceAvailableForNewPositions", cash).set("AccountCurrency", "USD");
    }

    private void sendNumbered(SessionLink from, List<DtcMessage> batch, String totalField) {
        int n = 0;
        for (DtcMessage m : batch) {
            engine.send(from, m.set(totalField, batch.size()).set("MessageNumber", ++n));
        }
    }
}
