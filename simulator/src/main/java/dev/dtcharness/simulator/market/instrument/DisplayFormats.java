package dev.dtcharness.simulator.market.instrument;

import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import java.math.BigDecimal;

/**
 * What each PriceDisplayFormat can show: the smallest price step it writes. A tick must be a whole
 * number of those steps, or the client displays (and, for depth, compares, FACTS 7.2) prices the
 * instrument can trade at as if they were equal.
 */
final class DisplayFormats {
    private DisplayFormats() {
    }

    /** The smallest step the format shows, or null for UNSET. */
    static BigDecimal resolution(PriceDisplayFormat format) {
        switch (format) {
            case UNSET:
                return null;
            case DECIMAL_0: case DECIMAL_1: case DECIMAL_2: case DECIMAL_3: case DECIMAL_4:
            case DECIMAL_5: case DECIMAL_6: case DECIMAL_7: case DECIMAL_8: case DECIMAL_9:
                return BigDecimal.ONE.movePointLeft(format.value());
            // Fractional formats: whole units plus 1/N; the "32nds with halves/quarters/eighths" split a 32nd further.
            case DENOMINATOR_2: return fraction(2);
            case DENOMINATOR_4: return fraction(4);
            case DENOMINATOR_8: return fraction(8);
            case DENOMINATOR_16: return fraction(16);
            case DENOMINATOR_32: return fraction(32);
            case DENOMINATOR_32_HALVES: return fraction(64);
            case DENOMINATOR_32_QUARTERS: return fraction(128);
            case DENOMINATOR_32_EIGHTHS: return fraction(256);
            case DENOMINATOR_64: return fraction(64);
            case DENOMINATOR_128: return fraction(128);
            case DENOMINATOR_256: return fraction(256);
            default:
                throw new IllegalStateException("no resolution known for " + format);
        }
    }

    private static BigDecimal fraction(int denominator) {
        // 1/2^k is always a finite decimal.
        return BigDecimal.ONE.divide(BigDecimal.valueOf(denominator));
    }

    /** Whether every multiple of {@code tick} can be written in {@code format}. */
    static boolean shows(PriceDisplayFormat format, BigDecimal tick) {
        BigDecimal r = resolution(format);
        return r != null && tick.remainder(r).signum() == 0;
    }

    /** The decimal format with just enough places for the tick, or null when it needs more than 9. */
    static PriceDisplayFormat decimalFor(BigDecimal tick) {
        int places = Math.max(0, tick.stripTrailingZeros().scale());
        return places <= 9 ? PriceDisplayFormat.of(places) : null;
    }
}
