package dev.dtcharness.client.internal.reconcile;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.spec.DtcSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges orders still ORDER_SENT after a reconciliation whose OPEN_ORDERS_REQUEST (300) and
 * HISTORICAL_ORDER_FILLS_REQUEST (303) are both answered, for orders written on a connection that
 * has dropped. Such an order is not working (300 lists every working order, with its ClientOrderID
 * when the server sends it). DTC fills (304) carry no ClientOrderID, only a ServerOrderID the client
 * never heard, so the fills nobody claims are the only trace of an order the server did take:
 * <ul>
 *   <li>no unclaimed fill and no unknown working order could be it: the order never reached the
 *       server (or was refused there without a fill); it ends REJECTED locally;</li>
 *   <li>exactly one group of unclaimed fills (one ServerOrderID) fits it (account, symbol, side,
 *       quantity within the order's, prices within its limit) and fits no other order in doubt:
 *       that ServerOrderID is the order's;</li>
 *   <li>anything else: left ORDER_SENT and reported, never guessed.</li>
 * </ul>
 */
final class UnansweredOrders {
    private static final double EPSILON = 1e-9;
    private static final int LIMIT = (int) DtcSpec.v8().enumValue("OrderTypeEnum", "ORDER_TYPE_LIMIT");

    /** What to do with each order in doubt. */
    record Verdicts(Map<String, String> serverOrderIdByClientOrderId, List<String> neverReceived,
                    Map<String, String> undecided) {
    }

    /** Orders placed elsewhere the open-orders answer restated without a ClientOrderID: they may be ours too. */
    record UnknownWorking(String tradeAccount, String symbol, String side) {
    }

    private UnansweredOrders() {
    }

    static Verdicts judge(List<Order> inDoubt, List<Fill> unclaimedFills, List<UnknownWorking> unknownWorking) {
        Map<String, List<Fill>> groups = new LinkedHashMap<>();
        for (Fill f : unclaimedFills) {
            // A fill without ServerOrderID ("sod" lines) can never be attributed, but may still be an order's.
            groups.computeIfAbsent(f.serverOrderId().isEmpty() ? "?" + f.executionId() : f.serverOrderId(),
                    k -> new ArrayList<>()).add(f);
        }
        Map<String, String> attributed = new LinkedHashMap<>();
        List<String> never = new ArrayList<>();
        Map<String, String> undecided = new LinkedHashMap<>();
        for (Order o : inDoubt) {
            List<String> fitting = groups.entrySet().stream().filter(g -> fits(o, g.getValue())).map(Map.Entry::getKey).toList();
            long working = unknownWorking.stream().filter(w -> sameInstrument(o, w.tradeAccount(), w.symbol(), w.side())).count();
            if (fitting.isEmpty() && working == 0) {
                never.add(o.clientOrderId());
            } else if (fitting.size() == 1 && working == 0 && !fitting.get(0).startsWith("?")
                    && inDoubt.stream().filter(other -> fits(other, groups.get(fitting.get(0)))).count() == 1) {
                attributed.put(o.clientOrderId(), fitting.get(0));
            } else {
                undecided.put(o.clientOrderId(), fitting.size() + " group(s) of unattributed fills ("
                        + String.join(", ", fitting.stream().map(k -> k.startsWith("?") ? "no ServerOrderID" : k).toList())
                        + ") and " + working + " unknown working order(s) could be this order's, or another's in doubt");
            }
        }
        return new Verdicts(attributed, never, undecided);
    }

    private static boolean fits(Order o, List<Fill> fills) {
        Fill first = fills.get(0);
        if (!sameInstrument(o, first.tradeAccount(), first.symbol(), first.side() == null ? "" : first.side().name())) {
            return false;
        }
        double quantity = fills.stream().mapToDouble(Fill::quantity).sum();
        if (o.orderQuantity() > 0 && quantity > o.orderQuantity() + EPSILON) {
            return false;
        }
        if (o.orderType() == LIMIT && Double.isFinite(o.price1())) {
            boolean buy = "BUY".equals(o.side().name());
            return fills.stream().allMatch(f -> buy ? f.price() <= o.price1() + EPSILON : f.price() >= o.price1() - EPSILON);
        }
        return true;
    }

    private static boolean sameInstrument(Order o, String account, String symbol, String side) {
        return o.side() != null && o.side().name().equals(side) && o.symbol().equals(symbol)
                && (account.isEmpty() || o.tradeAccount().isEmpty() || o.tradeAccount().equals(account));
    }
}
