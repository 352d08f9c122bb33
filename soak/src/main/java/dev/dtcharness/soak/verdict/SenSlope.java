package dev.dtcharness.soak.verdict;

import java.util.Arrays;

/**
 * The Theil–Sen line through (x, y) points: the slope is the median of all pairwise slopes, so a
 * few outliers (a late GC, a JIT burst) cannot drag it, and the interval is Sen's (1968) rank-based
 * confidence interval for that median (Gilbert 1987, section 16.4).
 *
 * @param slope     median pairwise slope (y units per x unit, here bytes per order)
 * @param intercept median of {@code y - slope * x}
 * @param lower     lower end of the confidence interval of the slope
 * @param upper     upper end of the confidence interval of the slope
 * @param points    number of points fitted
 */
public record SenSlope(double slope, double intercept, double lower, double upper, int points) {
    /** Two-sided 90 % interval: z = 1.645. */
    public static final double Z_90 = 1.645;

    /** Fits the points with a 90 % interval; needs at least two points with different x. */
    public static SenSlope fit(double[] x, double[] y) {
        return fit(x, y, Z_90);
    }

    public static SenSlope fit(double[] x, double[] y, double z) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    slopes[count++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("a slope needs two points with different x, got " + n + " point(s)");
        }
        slopes = Arrays.copyOf(slopes, count);
        Arrays.sort(slopes);
        double slope = median(slopes);
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        Arrays.sort(residuals);
        // Var(S) of Kendall's S without ties; C is the half-width in ranks of the ordered slopes.
        double c = z * Math.sqrt(n * (n - 1) * (2.0 * n + 5) / 18.0);
        int lowerIndex = clamp((int) Math.floor((count - c) / 2.0), count);
        int upperIndex = clamp((int) Math.ceil((count + c) / 2.0), count);
        return new SenSlope(slope, median(residuals), slopes[lowerIndex], slopes[upperIndex], n);
    }

    /** The fitted y at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }

    static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    private static int clamp(int index, int count) {
        return Math.max(0, Math.min(count - 1, index));
    }
}
