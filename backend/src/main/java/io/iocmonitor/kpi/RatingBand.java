package io.iocmonitor.kpi;

/** The rating bands of the composite index (SPEC §5; thresholds in {@link IndexProperties}). */
public enum RatingBand {
    EXCELLENT, GOOD, FAIR, MEDIUM, WEAK;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
