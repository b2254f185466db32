package io.iocmonitor.comparison;

import java.util.Arrays;
import java.util.Collection;

/**
 * Tukey's fences: a value is an outlier when it lies more than 1.5 interquartile ranges below the first quartile or
 * above the third. Chosen over "beyond 2 standard deviations" because 34 provinces (or a province's communes) are
 * few and skewed, and one extreme locality inflates the standard deviation enough to hide itself; quartiles are not
 * moved by it. Quartiles are continuous (linear interpolation, as PostgreSQL's {@code percentile_cont}).
 */
public final class Outliers {

    /** Fewer values than this have no meaningful quartiles: nothing is called an outlier. */
    public static final int MIN_VALUES = 4;
    static final double FENCE = 1.5;

    /** Where a value lies against the fences. */
    public enum Position {
        LOW, NORMAL, HIGH
    }

    /** The fences of one set of values; {@link #NONE} when there are too few. */
    public record Fences(double low, double high) {
        public static final Fences NONE = new Fences(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

        public Position position(double value) {
            return value < low ? Position.LOW : value > high ? Position.HIGH : Position.NORMAL;
        }
    }

    private Outliers() {
    }

    public static Fences fences(Collection<Double> values) {
        if (values.size() < MIN_VALUES) {
            return Fences.NONE;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        return new Fences(q1 - FENCE * iqr, q3 + FENCE * iqr);
    }

    /** The continuous quantile {@code p} of sorted values, as {@code percentile_cont(p)}. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
