package io.iocmonitor.kpi;

import org.jspecify.annotations.Nullable;

/**
 * A rate shown with its numerator and denominator. A zero denominator has no value; a denominator below the
 * minimum sample keeps its value but is marked insufficient: never coloured, never ranked best or worst.
 *
 * @param value numerator ÷ denominator in [0, 1], or {@code null} when the denominator is 0
 */
public record Rate(long numerator, long denominator, @Nullable Double value, boolean insufficient) {

    public static final int DEFAULT_MIN_SAMPLE = 20;

    public static Rate of(long numerator, long denominator, int minSample) {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("not a rate: " + numerator + " / " + denominator);
        }
        Double value = denominator == 0 ? null : (double) numerator / denominator;
        return new Rate(numerator, denominator, value, denominator < minSample);
    }

    /** True when the value may be compared with a target: there is one and the sample is large enough. */
    public boolean isComparable() {
        return value != null && !insufficient;
    }
}
