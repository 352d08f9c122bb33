package dev.dtcharness.simulator.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Net positions per trade account and symbol, shared by every session of a simulator; thread-safe. */
public final class Positions {
    private record Key(String tradeAccount, String symbol) {
    }

    private final Map<Key, Position> positions = new ConcurrentHashMap<>();

    /** Books a fill atomically and returns the position after it. */
    public Position fill(String tradeAccount, String symbol, double signedQuantity, double price) {
        return positions.compute(new Key(tradeAccount, symbol),
                (k, p) -> (p == null ? Position.FLAT : p).after(signedQuantity, price));
    }

    /** The current position, {@link Position#FLAT} when nothing was traded. */
    public Position of(String tradeAccount, String symbol) {
        return positions.getOrDefault(new Key(tradeAccount, symbol), Position.FLAT);
    }
}
