package dev.dtcharness.simulator.market.price;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A symbol's price grid: prices are counted in whole ticks (a {@code long}) and turned into a price
 * only at the edge, so a walk of a million steps never drifts.
 *
 * <p>The tick size is read once as the decimal it was written as ({@code 0.25}, {@code 0.1},
 * {@code 0.00005}), kept as an integer mantissa and a power of ten. A price is then
 * {@code ticks * mantissa / 10^scale}: one division of two exact integers, so {@link #price(long)}
 * is the double nearest the true grid price, the same double that parsing its decimal text gives
 * ({@code price(13)} on a 0.1 grid is {@code 1.3}, not {@code 1.3000000000000003}).
 */
public final class TickGrid {

    /** How far from the grid a double may sit and still count as on it (a computed 4500 + 3 * 0.1). */
    private static final double ON_GRID_TOLERANCE_TICKS = 1e-6;

    private final double tickSize;
    private final long mantissa;
    private final int scale;
    private final double powerOfTen;
    private final BigDecimal exactTick;

    private TickGrid(double tickSize) {
        if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tick size: " + tickSize + " (expected: a positive, finite number)");
        }
        BigDecimal exact = BigDecimal.valueOf(tickSize).stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0, RoundingMode.UNNECESSARY);
        }
        // 10^scale must be an exact double and the mantissa small enough that ticks * mantissa stays exact.
        if (exact.scale() > 15 || exact.precision() > 9) {
            throw new IllegalArgumentException("tick size: " + tickSize
                    + " (expected: at most 15 decimals and 9 significant digits)");
        }
        this.tickSize = tickSize;
        this.exactTick = exact;
        this.mantissa = exact.unscaledValue().longValueExact();
        this.scale = exact.scale();
        this.powerOfTen = StrictMath.pow(10, scale);
    }

    public static TickGrid of(double tickSize) {
        return new TickGrid(tickSize);
    }

    public double tickSize() {
        return tickSize;
    }

    /** The tick size as the decimal it was written as ({@code 0.0001}, not {@code 1.0E-4}). */
    public String tickSizeText() {
        return exactTick.toPlainString();
    }

    /** The price of a count of ticks, the double nearest the exact decimal grid price. */
    public double price(long ticks) {
        return (ticks * mantissa) / powerOfTen;
    }

    /** The nearest grid point to a price (a price between two ticks rounds half up). */
    public long nearestTicks(double price) {
        requireFinite(price);
        return Math.round(price * powerOfTen / mantissa);
    }

    /** The ticks of a price that must be on the grid; a price between ticks is an error, not a rounding. */
    public long ticks(double price) {
        long ticks = nearestTicks(price);
        if (Math.abs(price - price(ticks)) > tickSize * ON_GRID_TOLERANCE_TICKS) {
            throw new IllegalArgumentException("price: " + price + " (expected: a multiple of the tick size "
                    + exactTick.toPlainString() + ")");
        }
        return ticks;
    }

    /** The ticks of a price written as decimal text, checked exactly (no binary rounding on the way). */
    public long ticks(String decimalPrice) {
        BigDecimal price;
        try {
            price = new BigDecimal(decimalPrice.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price: '" + decimalPrice + "' (expected: a decimal number)");
        }
        BigDecimal[] quotient = price.divideAndRemainder(exactTick);
        if (quotient[1].signum() != 0) {
            throw new IllegalArgumentException("price: " + decimalPrice + " (expected: a multiple of the tick size "
                    + exactTick.toPlainString() + ")");
        }
        try {
            return quotient[0].longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price: " + decimalPrice + " (expected: a price of at most "
                    + Long.MAX_VALUE + " ticks)");
        }
    }

    private static void requireFinite(double price) {
        if (Double.isNaN(price) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price: " + price + " (expected: a finite number)");
        }
    }

    @Override
    public String toString() {
        return "TickGrid[" + exactTick.toPlainString() + "]";
    }
}
