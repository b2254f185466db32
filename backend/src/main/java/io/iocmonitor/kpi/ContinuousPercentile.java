package io.iocmonitor.kpi;

/**
 * A continuous percentile as PostgreSQL's {@code percentile_cont} computes it, from the two values around its
 * position: of {@code n} sorted values, the position is {@code q × (n − 1)} (0-based); the result lies between the
 * values at the ranks below and above it, in proportion.
 */
final class ContinuousPercentile {

    private ContinuousPercentile() {
    }

    /** Where the {@code q} percentile of {@code n} values lies: 0-based, possibly between two ranks. */
    static double position(double q, long n) {
        return q * (double) (n - 1);
    }

    /** The percentile, from the values at rank {@code floor(position)} and at rank {@code ceil(position)}. */
    static double between(double q, long n, long lower, long upper) {
        double position = position(q, n);
        // PostgreSQL's float8 interpolation, term for term, so that the results are equal to the last bit
        return lower + (upper - lower) * (position - Math.floor(position));
    }
}
