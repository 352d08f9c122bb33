package dev.dtcharness.simulator.session;

import java.math.BigDecimal;

/** Numbers in log lines the way traders write them: 1 rather than 1.0, 4500.25 rather than 4500.250. */
final class Numbers {
    private Numbers() {
    }

    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Double.MAX_VALUE) {
            return "unset";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
