package dev.dtcharness.client.store;

import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.track.Position;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The trade log from the order-history database: a CSV of every fill, and a summary per account and symbol. */
public final class TradeLog {
    static final String HEADER = "execution_id,fill_time_utc,trade_account,symbol,side,quantity,price,server_order_id,"
            + "client_order_id,source";

    /**
     * One account and symbol over the whole history.
     *
     * @param vwap        volume-weighted average fill price, both sides together
     * @param realisedPnl average-cost realised P&L in price points (no contract multiplier)
     */
    public record Summary(String tradeAccount, String symbol, long orders, long fills, double volume, double vwap,
                          double openQuantity, double realisedPnl) {
    }

    private TradeLog() {
    }

    /** Writes every fill, oldest first, as CSV (RFC 4180 quoting); returns how many rows. */
    public static int exportCsv(OrderHistoryDb db, Path out) {
        List<Fill> fills = db.fills();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (Fill f : fills) {
                w.write(String.join(",", csv(f.executionId()),
                        f.dateTimeMillis() > 0 ? Instant.ofEpochMilli(f.dateTimeMillis()).toString() : "",
                        csv(f.tradeAccount()), csv(f.symbol()), f.side() == null ? "" : f.side().name(),
                        number(f.quantity()), number(f.price()), csv(f.serverOrderId()), csv(f.clientOrderId()),
                        csv(f.source())) + "\n");
            }
        } catch (IOException e) {
            throw new DtcClientException("cannot write the trade log to " + out + ": " + e.getMessage(), e);
        }
        return fills.size();
    }

    /** Orders, fills, volume, VWAP, open quantity and realised P&L per account and symbol, sorted by both. */
    public static List<Summary> summarise(OrderHistoryDb db) {
        Map<String, long[]> orders = new TreeMap<>();
        for (Order o : db.orders()) {
            orders.computeIfAbsent(o.tradeAccount() + "\u0000" + o.symbol(), k -> new long[1])[0]++;
        }
        Map<String, List<Fill>> fills = new TreeMap<>();
        for (Fill f : db.fills()) {
            fills.computeIfAbsent(f.tradeAccount() + "\u0000" + f.symbol(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Summary> out = new TreeMap<>();
        for (String key : union(orders.keySet(), fills.keySet())) {
            String[] parts = key.split("\u0000", 2);
            List<Fill> mine = fills.getOrDefault(key, List.of());
            Position p = Position.flat(parts[0], parts[1]);
            double volume = 0;
            double notional = 0;
            for (Fill f : mine) {
                p = p.plus(f.signedQuantity(), f.price());
                volume += f.quantity();
                notional += f.quantity() * f.price();
            }
            out.put(key, new Summary(parts[0], parts[1], orders.getOrDefault(key, new long[1])[0], mine.size(), volume,
                    volume > 0 ? notional / volume : Double.NaN, p.quantity(), p.realisedPnl()));
        }
        return List.copyOf(out.values());
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
