package dev.dtcharness.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One symbol's price grid. Prices are counted in whole ticks (a {@code long}) and turned into a price only at the
 * edge, from the integer, each time (never by adding doubles), so a walk of a million steps never drifts. Models
 * and matching keep prices as ticks and call {@link #price(long)} only to fill a message.
 *
 * <p>The tick is read once as the decimal it was written as ({@code 0.25}, {@code 0.1}, {@code 0.00005}) and kept
 * as an integer mantissa over a power of ten. {@link #price(long)} is then one division of two exact doubles, which
 * IEEE rounds correctly: the double nearest the true grid price, the one its decimal text parses to ({@code price(13)}
 * on a 0.1 grid is {@code 1.3}, not {@code 1.3000000000000003}). Where the product no longer fits a double exactly
 * (beyond 2^53) BigDecimal takes over.
 *
 * <p>Rounding is half away from zero, judged on the price's decimal form ({@link BigDecimal#valueOf(double)}), so
 * {@code 4501.125} on ES's 0.25 grid becomes {@code 4501.25}. A float read off the wire (MinPriceIncrement and market
 * data are 4-byte floats, FACTS 7.2) snaps back to the exact price, as Sierra Chart tells clients to do.
 */
public final class TickGrid {
    private static final double[] POW10 = new double[23];
    /** Below this many ticks a double quotient cannot round across a half by binary error alone. */
    private static final double SAFE_QUOTIENT = 1e9;
    private static final double HALF_MARGIN = 1e-6;
    /** How far from the grid a double may sit and still count as on it (a computed 0.1 + 0.2), in ticks. */
    private static final double ON_GRID_TOLERANCE_TICKS = 1e-6;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final BigDecimal tick;
    private final double tickAsDouble;
    private final long unscaled;
    private final int scale;
    /** The largest tick count whose product with {@link #unscaled} is exact in a double; -1 when there is no fast path. */
    private final long fastLimit;

    private TickGrid(BigDecimal tickSize) {
        BigDecimal t = tickSize.stripTrailingZeros();
        if (t.scale() < 0) {
            t = t.setScale(0, RoundingMode.UNNECESSARY);
        }
        this.tick = t;
        this.tickAsDouble = t.doubleValue();
        this.scale = t.scale();
        // A mantissa too long for a long has no fast path; price() then always goes through BigDecimal.
        long u = t.unscaledValue().bitLength() < 63 ? t.unscaledValue().longValue() : 0;
        this.unscaled = u;
        this.fastLimit = u > 0 && scale < POW10.length ? (1L << 53) / u : -1;
    }

    /** The grid of {@code tickSize}, which must be above 0. */
    public static TickGrid of(BigDecimal tickSize) {
        if (tickSize == null || tickSize.signum() <= 0) {
            throw badTick(tickSize == null ? "null" : tickSize.toPlainString());
        }
        return new TickGrid(tickSize);
    }

    /** As {@link #of(BigDecimal)}, for a tick written as decimal text ("0.00005"), the way to keep it exact. */
    public static TickGrid of(String tickSize) {
        if (tickSize == null) {
            throw badTick("null");
        }
        try {
            return of(new BigDecimal(tickSize.trim()));
        } catch (NumberFormatException e) {
            throw badTick("'" + tickSize + "'");
        }
    }

    /** As {@link #of(BigDecimal)}, the tick taken as the shortest decimal that reads back as this double (0.1 is 0.1). */
    public static TickGrid of(double tickSize) {
        if (!Double.isFinite(tickSize) || tickSize <= 0) {
            throw badTick(String.valueOf(tickSize));
        }
        return new TickGrid(BigDecimal.valueOf(tickSize));
    }

    private static IllegalArgumentException badTick(String shown) {
        return new IllegalArgumentException("tickSize: " + shown + " (expected: a finite number above 0)");
    }

    /** The tick as an exact decimal, trailing zeros stripped (0.10 is 0.1). */
    public BigDecimal tickSize() {
        return tick;
    }

    /** The tick as the double nearest to it, e.g. for MinPriceIncrement. */
    public double tickSizeAsDouble() {
        return tickAsDouble;
    }

    /** The tick as the decimal it was written as ({@code 0.0001}, not {@code 1.0E-4}). */
    public String tickSizeText() {
        return tick.toPlainString();
    }

    /** The double nearest the exact price {@code ticks × tickSize}; allocation-free for everyday prices. */
    public double price(long ticks) {
        if (ticks <= fastLimit && ticks >= -fastLimit) {
            return (double) (ticks * unscaled) / POW10[scale];
        }
        return exactPrice(ticks).doubleValue();
    }

    /** The exact price {@code ticks} ticks above zero. */
    public BigDecimal exactPrice(long ticks) {
        return tick.multiply(BigDecimal.valueOf(ticks));
    }

    /** The ticks of an exact price that must lie on the grid: an off-grid price is an error, not a rounding. */
    public long ticks(BigDecimal price) {
        return exactTicks(price, price.toPlainString());
    }

    /** The ticks of a price written as decimal text, checked exactly (no binary rounding on the way). */
    public long ticks(String decimalPrice) {
        BigDecimal price;
        try {
            price = new BigDecimal(decimalPrice.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price: '" + decimalPrice + "' (expected: a decimal number)");
        }
        return exactTicks(price, decimalPrice);
    }

    /**
     * The ticks of a computed price that must be on the grid, allowing a millionth of a tick of binary error
     * ({@code 0.1 + 0.2} is 3 ticks of 0.1); a price between ticks is an error, not a rounding.
     */
    public long ticks(double price) {
        long ticks = nearestTicks(price);
        if (Math.abs(price - price(ticks)) > tickAsDouble * ON_GRID_TOLERANCE_TICKS) {
            throw offGrid(String.valueOf(price));
        }
        return ticks;
    }

    /** The tick nearest to {@code price} (half away from zero, on its decimal form). */
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

    /** As {@link #ticks(double, RoundingMode)} for an exact price; UNNECESSARY refuses an off-grid one. */
    public long ticks(BigDecimal price, RoundingMode mode) {
        if (mode == RoundingMode.UNNECESSARY) {
            return ticks(price);
        }
        return tickCount(price.divide(tick, 0, mode), price.toPlainString());
    }

    /** {@code price} moved to the nearest tick. */
    public double snap(double price) {
        return price(nearestTicks(price));
    }

    /** {@code price} moved to a tick with {@code mode}. */
    public BigDecimal snap(BigDecimal price, RoundingMode mode) {
        return exactPrice(ticks(price, mode));
    }

    public boolean isOnGrid(BigDecimal price) {
        return price.remainder(tick).signum() == 0;
    }

    /** The grid price {@code n} ticks from {@code price} (snapped first); negative {@code n} moves down. */
    public double plusTicks(double price, long n) {
        return price(Math.addExact(nearestTicks(price), n));
    }

    /** As {@link #plusTicks(double, long)} for an exact grid price. */
    public BigDecimal plusTicks(BigDecimal price, long n) {
        return exactPrice(Math.addExact(ticks(price), n));
    }

    /** How many ticks {@code to} lies above {@code from} (negative when below), both snapped to the grid. */
    public long ticksBetween(double from, double to) {
        return Math.subtractExact(nearestTicks(to), nearestTicks(from));
    }

    /** As {@link #ticksBetween(double, double)} for exact grid prices. */
    public long ticksBetween(BigDecimal from, BigDecimal to) {
        return Math.subtractExact(ticks(to), ticks(from));
    }

    private long exactTicks(BigDecimal price, String shown) {
        BigDecimal[] quotient = price.divideAndRemainder(tick);
        if (quotient[1].signum() != 0) {
            throw offGrid(shown);
        }
        return tickCount(quotient[0], shown);
    }

    private static long tickCount(BigDecimal wholeTicks, String shown) {
        try {
            return wholeTicks.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price: " + shown + " (expected: a price of at most "
                    + Long.MAX_VALUE + " ticks)");
        }
    }

    private IllegalArgumentException offGrid(String shown) {
        return new IllegalArgumentException("price: " + shown + " (expected: a multiple of the tick size "
                + tick.toPlainString() + ")");
    }

    private static void requireFinite(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price: " + price + " (expected: a finite number)");
        }
    }

    @Override
    public String toString() {
        return "TickGrid[" + tick.toPlainString() + "]";
    }
}
