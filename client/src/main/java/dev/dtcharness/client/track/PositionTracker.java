package dev.dtcharness.client.track;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.FillListener;
import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.message.PositionUpdate;
import dev.dtcharness.protocol.message.PositionUpdateView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positions per account and symbol, two ways: from the client's own fills (each counted once, at
 * average cost, with realised P&L) and as the server last reported them in POSITION_UPDATE (306),
 * so a test can check that both agree. Register with {@code client.onFill(tracker)} and
 * {@code client.onMessage("POSITION_UPDATE", tracker::onPositionUpdate)}.
 */
public final class PositionTracker implements FillListener {
    private final Map<String, Position> fromFills = new ConcurrentHashMap<>();
    private final Map<String, Position> fromServer = new ConcurrentHashMap<>();

    @Override
    public void onFill(Fill fill, Order order) {
        fromFills.compute(key(fill.tradeAccount(), fill.symbol()), (k, p) ->
                (p == null ? Position.flat(fill.tradeAccount(), fill.symbol()) : p).plus(fill.signedQuantity(), fill.price()));
    }

    /**
     * POSITION_UPDATE (306): the server's word; a NoPositions answer carries none. Lent, not given (the
     * client decodes every binary POSITION_UPDATE into one reused message): read now, numbers kept.
     */
    public void onPositionUpdate(PositionUpdateView m) {
        if (m.noPositions() != 0) {
            return;
        }
        String account = m.tradeAccount();
        String symbol = m.symbol();
        double avg = m.averagePrice();
        fromServer.put(key(account, symbol), new Position(account, symbol, m.quantity(),
                avg == Double.MAX_VALUE ? Double.NaN : avg, Double.NaN));
    }

    /** As {@link #onPositionUpdate(PositionUpdateView)}, for a reader handed messages of any type by name. */
    public void onPositionUpdate(MessageView m) {
        if (m instanceof PositionUpdate p) {
            onPositionUpdate(p);
        }
    }

    public Position position(String tradeAccount, String symbol) {
        return fromFills.getOrDefault(key(tradeAccount, symbol), Position.flat(tradeAccount, symbol));
    }

    public Optional<Position> serverPosition(String tradeAccount, String symbol) {
        return Optional.ofNullable(fromServer.get(key(tradeAccount, symbol)));
    }

    public List<Position> positions() {
        return fromFills.values().stream().sorted(java.util.Comparator.comparing(Position::tradeAccount)
                .thenComparing(Position::symbol)).toList();
    }

    /** Puts back positions saved before a restart. */
    public void restore(List<Position> saved) {
        saved.forEach(p -> fromFills.put(key(p.tradeAccount(), p.symbol()), p));
    }

    /** The last key made: fills and updates of one account and symbol mostly follow one another. */
    private volatile LastKey lastKey = new LastKey("", "", key0("", ""));

    private record LastKey(String account, String symbol, String key) {
    }

    private String key(String account, String symbol) {
        LastKey last = lastKey;
        if (last.account().equals(account) && last.symbol().equals(symbol)) {
            return last.key();
        }
        String key = key0(account, symbol);
        lastKey = new LastKey(account, symbol, key);
        return key;
    }

    private static String key0(String account, String symbol) {
        return account + "\u0000" + symbol;
    }
}
