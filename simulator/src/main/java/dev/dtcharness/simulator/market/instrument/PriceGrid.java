package dev.dtcharness.simulator.market.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices on one instrument's tick grid, held as a whole number of ticks so that no sequence of moves
 * drifts: a price is {@code ticks × tickSize}, and turning ticks into a double happens once, from the
 * integer, each time (never by adding doubles). Models and matching should keep prices as ticks and
 * call {@link #priceAsDouble(long)} only to fill a message.
 *
 * <p>Snapping rounds half away from zero, judged on the price's decimal form ({@link BigDecimal#valueOf(double)}),
 * so {@code 4501.125} on ES's 0.25 grid becomes {@code 4501.25}. A float read off the wire (MinPriceIncrement and
 * market data are 4-byte floats, FACTS 7.2) snaps back to the exact price, as Sierra Chart tells clients to do.
 */
public final class PriceGrid {
    private static final double[] POW10 = new double[23];
    private static final double SAFE_QUOTIENT = 1e9;
    private static final double HALF_MARGIN = 1e-6;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final BigDecimal tick;
    private final double tickAsDouble;
    // tick = unscaled / 10^scale: the integer form lets priceAsDouble divide two exact doubles, which IEEE rounds correctly.
    private final long unscaled;
    private final int scale;
    private final long fastLimit;

    private PriceGrid(BigDecimal tick) {
        BigDecimal t = tick.stripTrailingZeros();
        if (t.scale() < 0) {
            t = t.setScale(0);
        }
        this.tick = t;
        this.tickAsDouble = t.doubleValue();
        this.scale = t.scale();
        long u;
        try {
            u = t.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            u = 0;
        }
        this.unscaled = u;
        this.fastLimit = u > 0 && scale < POW10.length ? (1L << 53) / u : 0;
    }

    /** The grid of {@code tickSize}, which must be above 0. */
    public static PriceGrid of(BigDecimal tickSize) {
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tickSize: " + tickSize + " (expected: a number above 0)");
        }
        return new PriceGrid(tickSize);
    }

    /** As {@link #of(BigDecimal)}, for a tick written as decimal text or a literal ("0.00005"). */
    public static PriceGrid of(String tickSize) {
        return of(new BigDecimal(tickSize));
    }

    public BigDecimal tickSize() {
        return tick;
    }

    /** The exact price {@code ticks} ticks above zero. */
    public BigDecimal price(long ticks) {
        return tick.multiply(BigDecimal.valueOf(ticks));
    }

    /** The double nearest to the exact price {@code ticks × tickSize}; allocation-free for everyday prices. */
    public double priceAsDouble(long ticks) {
        if (ticks <= fastLimit && ticks >= -fastLimit) {
            return (double) (ticks * unscaled) / POW10[scale];
        }
        return price(ticks).doubleValue();
    }

    /** The number of ticks in a price that must lie on the grid: an off-grid price is an error. */
    public long ticks(BigDecimal price) {
        try {
            return price.divide(tick, 0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price: " + price.toPlainString() + " (expected: a multiple of the tick "
                    + tick.toPlainString() + ")");
        }
    }

    /** The tick nearest to {@code price} (half away from zero). */
    public long nearestTicks(double price) {
        requireFinite(price);
        double q = price / tickAsDouble;
        // Far from a half the double quotient cannot round the wrong way; near one, decide exactly.
        if (Math.abs(q) < SAFE_QUOTIENT) {
            double frac = Math.abs(q - Math.floor(q) - 0.5);
            if (frac > HALF_MARGIN) {
                return Math.round(q);
            }
        }
        return ticks(price, RoundingMode.HALF_UP);
    }

    /** The tick {@code price} rounds to with {@code mode}, e.g. FLOOR for the best buy price not above it. */
    public long ticks(double price, RoundingMode mode) {
        requireFinite(price);
        return ticks(BigDecimal.valueOf(price), mode);
    }

    /** As {@link #ticks(double, RoundingMode)} for an exact price. */
    public long ticks(BigDecimal price, RoundingMode mode) {
        if (mode == RoundingMode.UNNECESSARY) {
            return ticks(price);
        }
        return price.divide(tick, 0, mode).longValueExact();
    }

    /** {@code price} moved to the nearest tick. */
    public double snap(double price) {
        return priceAsDouble(nearestTicks(price));
    }

    /** {@code price} moved to a tick with {@code mode}. */
    public BigDecimal snap(BigDecimal price, RoundingMode mode) {
        return price(ticks(price, mode));
    }

    public boolean isOnGrid(BigDecimal price) {
        return price.remainder(tick).signum() == 0;
    }

    /** The grid price {@code n} ticks from {@code price} (snapped first); negative {@code n} moves down. */
    public double plusTicks(double price, long n) {
        return priceAsDouble(Math.addExact(nearestTicks(price), n));
    }

    /** As {@link #plusTicks(double, long)} for an exact grid price. */
    public BigDecimal plusTicks(BigDecimal price, long n) {
        return price(Math.addExact(ticks(price), n));
    }

    /** How many ticks {@code to} lies above {@code from} (negative when below), both snapped to the grid. */
    public long ticksBetween(double from, double to) {
        return Math.subtractExact(nearestTicks(to), nearestTicks(from));
    }

    /** As {@link #ticksBetween(double, double)} for exact grid prices. */
    public long ticksBetween(BigDecimal from, BigDecimal to) {
        return Math.subtractExact(ticks(to), ticks(from));
    }

    private static void requireFinite(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price: " + price + " (expected: a finite number)");
        }
    }

    @Override
    public String toString() {
        return "PriceGrid[" + tick.toPlainString() + "]";
    }
}
