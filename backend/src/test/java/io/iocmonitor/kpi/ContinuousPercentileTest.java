package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ContinuousPercentileTest {

    /** The percentile from every value, sorted: what the histogram's two ranks must reproduce. */
    private static double fromAllValues(double q, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = ContinuousPercentile.position(q, sorted.length);
        return ContinuousPercentile.between(q, sorted.length, sorted[(int) Math.floor(position)],
                sorted[(int) Math.ceil(position)]);
    }

    @Test
    void interpolatesBetweenTheTwoRanksAroundThePosition() {
        // 100, 200, 300, 400: the median lies halfway between 200 and 300; p95 at 2.85, between 300 and 400
        assertThat(ContinuousPercentile.between(0.5, 4, 200, 300)).isEqualTo(250.0);
        assertThat(ContinuousPercentile.between(0.95, 4, 300, 400)).isEqualTo(385.0);
        assertThat(fromAllValues(0.95, new long[] {400, 100, 300, 200})).isEqualTo(385.0);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(ContinuousPercentile.position(0.95, 1)).isZero();
        assertThat(ContinuousPercentile.between(0.95, 1, 850, 850)).isEqualTo(850.0);
    }

    @Test
    void aPositionOnARankTakesThatValue() {
        // 21 values: p95 at position 19 exactly
        assertThat(ContinuousPercentile.position(0.95, 21)).isEqualTo(19.0);
        assertThat(ContinuousPercentile.between(0.95, 21, 700, 700)).isEqualTo(700.0);
    }

    @Test
    void ranksFromCumulativeCountsGiveTheValuesAtThoseRanks() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            long[] values = random.longs(1 + random.nextInt(300), 300, 400).toArray();
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double q : new double[] {0.5, 0.95}) {
                double position = ContinuousPercentile.position(q, values.length);
                // the value at rank r: the least value with more than r values at or below it
                long lower = atRank(sorted, (long) Math.floor(position));
                long upper = atRank(sorted, (long) Math.ceil(position));
                assertThat(ContinuousPercentile.between(q, values.length, lower, upper))
                        .isEqualTo(fromAllValues(q, values));
            }
        }
    }

    private static long atRank(long[] sorted, long rank) {
        return Arrays.stream(sorted).distinct()
                .filter(v -> Arrays.stream(sorted).filter(x -> x <= v).count() > rank)
                .min().orElseThrow();
    }
}
