package io.iocmonitor.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class OutliersTest {

    @Test
    void quartilesInterpolateLikePercentileCont() {
        double[] sorted = {1, 2, 3, 4};
        // percentile_cont(0.25) over 1..4 = 1.75, (0.75) = 3.25
        assertThat(Outliers.quantile(sorted, 0.25)).isCloseTo(1.75, within(1e-9));
        assertThat(Outliers.quantile(sorted, 0.75)).isCloseTo(3.25, within(1e-9));
        assertThat(Outliers.quantile(sorted, 0.5)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void valuesBeyondOneAndAHalfInterquartileRangesAreOutliers() {
        // sorted: 0.38 0.40 0.42 0.43 0.44 0.45 0.46 0.47 0.90; q1 = 0.42, q3 = 0.46, IQR = 0.04, fences 0.36 and 0.52
        Outliers.Fences fences = Outliers.fences(List.of(0.40, 0.42, 0.43, 0.44, 0.45, 0.46, 0.47, 0.38, 0.90));
        assertThat(fences.position(0.90)).isEqualTo(Outliers.Position.HIGH);
        assertThat(fences.position(0.05)).isEqualTo(Outliers.Position.LOW);
        assertThat(fences.position(0.43)).isEqualTo(Outliers.Position.NORMAL);
        assertThat(fences.low()).isCloseTo(0.36, within(1e-9));
        assertThat(fences.high()).isCloseTo(0.52, within(1e-9));
    }

    @Test
    void aValueExactlyOnAFenceIsNotAnOutlier() {
        Outliers.Fences fences = new Outliers.Fences(0.31, 0.55);
        assertThat(fences.position(0.55)).isEqualTo(Outliers.Position.NORMAL);
        assertThat(fences.position(0.31)).isEqualTo(Outliers.Position.NORMAL);
    }

    @Test
    void fewerThanFourValuesHaveNoOutliers() {
        Outliers.Fences fences = Outliers.fences(List.of(0.1, 0.5, 0.99));
        assertThat(fences).isEqualTo(Outliers.Fences.NONE);
        assertThat(fences.position(0.99)).isEqualTo(Outliers.Position.NORMAL);
    }

    @Test
    void identicalValuesMakeEveryOtherValueAnOutlier() {
        Outliers.Fences fences = Outliers.fences(List.of(0.5, 0.5, 0.5, 0.5));
        assertThat(fences.position(0.5)).isEqualTo(Outliers.Position.NORMAL);
        assertThat(fences.position(0.51)).isEqualTo(Outliers.Position.HIGH);
    }
}
