package io.iocmonitor.ui;

import io.iocmonitor.kpi.Rate;

/**
 * The colour of a province tile: green at or above the reference (the KPI's target), then lighter green, amber,
 * orange and red for three quarters, half, a quarter and less of it. A rate without a sufficient sample is grey:
 * SPEC §5 says never red or green.
 */
final class TileColour {

    static final String INSUFFICIENT = "#bdbdbd";
    private static final String[] BANDS = {"#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"};

    private TileColour() {
    }

    static String of(Rate rate, double reference) {
        if (!rate.isComparable()) {
            return INSUFFICIENT;
        }
        double share = rate.value() / reference;
        if (share >= 1) {
            return BANDS[4];
        }
        return BANDS[(int) Math.floor(Math.max(0, share) * 4)];
    }
}
