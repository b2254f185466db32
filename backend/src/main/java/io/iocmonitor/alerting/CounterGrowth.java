package io.iocmonitor.alerting;

/**
 * How much a cumulative counter grew over a run of its readings, e.g. the events a collector's disk queue dropped
 * at its cap. The counter only goes up except when it starts again from 0 (a collector whose queue folder was
 * wiped): a reading below the one before it is such a reset, and counts in full, as what was added since.
 */
final class CounterGrowth {

    private CounterGrowth() {
    }

    /** The growth over the readings, in order; 0 for fewer than two. */
    static long of(long... readings) {
        long growth = 0;
        for (int i = 1; i < readings.length; i++) {
            long step = readings[i] - readings[i - 1];
            growth += step >= 0 ? step : readings[i];
        }
        return growth;
    }
}
