package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.time.DtcTimes;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderUpdateReason;
import dev.dtcharness.protocol.message.AccountBalanceRequestView;
import dev.dtcharness.protocol.message.AccountBalanceUpdate;
import dev.dtcharness.protocol.message.CurrentPositionsRequestView;
import dev.dtcharness.protocol.message.HistoricalOrderFillResponse;
import dev.dtcharness.protocol.message.HistoricalOrderFillsReject;
import dev.dtcharness.protocol.message.HistoricalOrderFillsRequest;
import dev.dtcharness.protocol.message.HistoricalOrderFillsRequestView;
import dev.dtcharness.protocol.message.OpenOrdersRequest;
import dev.dtcharness.protocol.message.OpenOrdersRequestView;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.TradeAccountResponse;
import dev.dtcharness.protocol.message.TradeAccountsRequestView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers the resync requests a client sends on connect and reconnect (FACTS.md 3.1, 3.3 to 3.7).
 * Each batch is written in one go from the exchange thread, so no real-time update interleaves it.
 */
final class TradingQueries {
    private final boolean strictFillRequests;
    private final Clock clock;
    private final OrderTable orders;
    private final FillHistory fills;
    private final Accounts accounts;
    private final Delivery delivery;
    private final OrderUpdate openOrder = new OrderUpdate();

    TradingQueries(boolean strictFillRequests, Clock clock, Books books, Delivery delivery) {
        this.strictFillRequests = strictFillRequests;
        this.clock = clock;
        this.orders = books.orders;
        this.fills = books.fills;
        this.accounts = books.accounts;
        this.delivery = delivery;
    }

    /** OPEN_ORDERS_REQUEST (300): one 301 per working order, or one with NoOrders = 1. */
    void openOrders(SessionLink from, OpenOrdersRequestView request) {
        int requestId = request.requestID();
        String account = request.tradeAccount();
        boolean all = request.getLong(OpenOrdersRequest.REQUEST_ALL_ORDERS) != 0;
        String wanted = request.serverOrderID();
        List<Order> open = new ArrayList<>();
        for (Order o : orders.working()) {
            if ((account.isEmpty() || o.account.equals(account)) && (all || o.serverOrderId.equals(wanted))) {
                open.add(o);
            }
        }
        if (open.isEmpty()) {
            delivery.send(from, OrderUpdates.noOrders(requestId));
            return;
        }
        int n = 0;
        long now = clock.millis();
        for (Order o : open) {
            // One message filled again per order (encoded at once on the engine's loop, copied otherwise): a
            // client asking again and again for a long list costs the loop no allocation per answer.
            delivery.sendBorrowed(from, OrderUpdates.current(openOrder, o, OrderUpdateReason.OPEN_ORDERS_REQUEST_RESPONSE,
                    now).setRequestID(requestId).setTotalNumMessages(open.size()).setMessageNumber(++n));
        }
    }

    /** HISTORICAL_ORDER_FILLS_REQUEST (303): one 304 per fill, one with NoOrderFills = 1, or a 308. */
    void fills(SessionLink from, HistoricalOrderFillsRequestView request) {
        int requestId = request.requestID();
        String account = request.tradeAccount();
        long days = request.getLong(HistoricalOrderFillsRequest.NUMBER_OF_DAYS);
        long start = request.startDateTime();
        if (strictFillRequests) {
            String why = account.isEmpty() ? "TradeAccount is not set"
                    : days == 0 && start == 0 ? "Must have either NumberOfDays or StartDateTime Non-Zero" : null;
            if (why != null) {
                delivery.send(from, new HistoricalOrderFillsReject().setRequestID(requestId).setRejectText(why));
                return;
            }
        }
        // StartDateTime wins over NumberOfDays; both 0 means every fill (the documented reading).
        long fromMillis = start != 0 ? startMillis(start) : days != 0 ? clock.millis() - days * 86_400_000L
                : Long.MIN_VALUE;
        String serverOrderId = request.serverOrderID();
        List<Fill> wanted = new ArrayList<>();
        for (Fill f : fills.all()) {
            if ((account.isEmpty() || f.tradeAccount().equals(account))
                    && (serverOrderId.isEmpty() || f.serverOrderId().equals(serverOrderId))
                    && f.epochMillis() >= fromMillis) {
                wanted.add(f);
            }
        }
        if (wanted.isEmpty()) {
            delivery.send(from, new HistoricalOrderFillResponse().setRequestID(requestId).setTotalNumberMessages(1)
                    .setMessageNumber(1).setNoOrderFills(1));
            return;
        }
        int n = 0;
        for (Fill f : wanted) {
            delivery.send(from, new HistoricalOrderFillResponse().setRequestID(requestId)
                    .setTotalNumberMessages(wanted.size()).setMessageNumber(++n)
                    .setSymbol(f.symbol()).setExchange(f.exchange()).setServerOrderID(f.serverOrderId())
                    .setBuySell(BuySell.valueOf(f.side())).setPrice(f.price()).setDateTime(DtcTimes.seconds(f.epochMillis()))
                    .setQuantity(f.quantity()).setUniqueExecutionID(f.executionId())
                    .setTradeAccount(f.tradeAccount()).setPositionQuantity(f.positionAfter()));
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
    void positions(SessionLink from, CurrentPositionsRequestView request) {
        int requestId = request.requestID();
        String account = request.tradeAccount();
        List<DtcMessage> out = new ArrayList<>();
        for (String a : accounts.served()) {
            if (!account.isEmpty() && !a.equals(account)) {
                continue;
            }
            for (Map.Entry<String, Position> p : accounts.openPositions(a).entrySet()) {
                out.add(PositionUpdates.solicited(requestId, a, p.getKey(), p.getValue()));
            }
        }
        if (out.isEmpty()) {
            delivery.send(from, PositionUpdates.none(requestId));
            return;
        }
        sendNumbered(from, out);
    }

    /** TRADE_ACCOUNTS_REQUEST (400): one 401 per account; RequestID echoed (FACTS.md 3.6). */
    void accounts(SessionLink from, TradeAccountsRequestView request) {
        int requestId = request.requestID();
        List<DtcMessage> out = new ArrayList<>();
        for (String a : accounts.served()) {
            out.add(new TradeAccountResponse().setTradeAccount(a).setRequestID(requestId));
        }
        if (out.isEmpty()) {
            out.add(new TradeAccountResponse().setTradeAccount("").setRequestID(requestId));
        }
        sendNumbered(from, out);
    }

    /** ACCOUNT_BALANCE_REQUEST (601): one 600 per account, or one with NoAccountBalances = 1. */
    void balances(SessionLink from, AccountBalanceRequestView request) {
        int requestId = request.requestID();
        String account = request.tradeAccount();
        List<DtcMessage> out = new ArrayList<>();
        for (String a : accounts.served()) {
            if (account.isEmpty() || a.equals(account)) {
                out.add(BalanceUpdates.of(new AccountBalanceUpdate(), a, accounts.cashBalance(a))
                        .setRequestID(requestId).setUnsolicited(0));
            }
        }
        if (out.isEmpty()) {
            delivery.send(from, new AccountBalanceUpdate().setRequestID(requestId).setTotalNumberMessages(1)
                    .setMessageNumber(1).setNoAccountBalances(1));
            return;
        }
        sendNumbered(from, out);
    }

    /** Each of these answer types numbers its batch in TotalNumberMessages and MessageNumber. */
    private void sendNumbered(SessionLink from, List<DtcMessage> batch) {
        int n = 0;
        for (DtcMessage m : batch) {
            delivery.send(from, m.set("TotalNumberMessages", batch.size()).set("MessageNumber", ++n));
        }
    }
}
