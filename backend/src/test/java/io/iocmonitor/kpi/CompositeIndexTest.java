package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.iocmonitor.kpi.CompositeIndex.Group;

class CompositeIndexTest {

    private static final int MIN_SAMPLE = 20;
    private final CompositeIndex index = new CompositeIndex(IndexProperties.defaults());

    // received 100: 60 online, 50 digitised, 80 with a fee of which 40 paid online;
    // completed 100: 30 fully online, 90 on time, 70 e-result
    private static final DossierCounts DOSSIERS = new DossierCounts("01", null, 100, 60, 50, 80, 40, 100, 30, 90, 10, 0, 0,
            70, 65);

    private static Rate rate(long numerator, long denominator) {
        return Rate.of(numerator, denominator, MIN_SAMPLE);
    }

    @Test
    void eachGroupIsTheMeanOfItsRatesAndTheIndexTheirPointsWeightedMean() {
        CompositeIndex.Score score = index.score("01", new CompositeIndex.Inputs(DOSSIERS, rate(98, 100),
                rate(995, 1000), Rate.of(1, 2, 1)), MIN_SAMPLE);
        assertThat(score.groups().get(Group.PROGRESS)).isCloseTo(0.90, within(1e-12));
        assertThat(score.groups().get(Group.DIGITISATION)).isCloseTo((0.50 + 0.70) / 2, within(1e-12));
        assertThat(score.groups().get(Group.ONLINE_SERVICE)).isCloseTo((0.30 + 0.60 + 0.50) / 3, within(1e-12));
        // sync: 1 of 2 systems within target (the sync rate needs no minimum sample: 1 is enough)
        double infrastructure = (0.995 + 0.98 + 0.5) / 3;
        assertThat(score.groups().get(Group.INFRASTRUCTURE)).isCloseTo(infrastructure, within(1e-12));
        double expected = 100 * (20 * 0.90 + 22 * 0.60 + 22 * (1.4 / 3) + 16 * infrastructure) / (20 + 22 + 22 + 16);
        assertThat(score.score()).isCloseTo(expected, within(1e-9));
        assertThat(score.band()).isEqualTo(RatingBand.MEDIUM);
    }

    @Test
    void groupsWithoutComparableRatesAreLeftOutAndTheRestRescaledTo100() {
        CompositeIndex.Score score = index.score("01", new CompositeIndex.Inputs(DOSSIERS, rate(0, 0),
                rate(5, 10), Rate.of(0, 0, 1)), MIN_SAMPLE);
        assertThat(score.groups()).doesNotContainKey(Group.INFRASTRUCTURE);
        double expected = 100 * (20 * 0.90 + 22 * 0.60 + 22 * (1.4 / 3)) / (20 + 22 + 22);
        assertThat(score.score()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void nothingMeasurableHasNoScoreAndNoBand() {
        CompositeIndex.Score score = index.score("01", new CompositeIndex.Inputs(DossierCounts.zero("01"),
                rate(0, 0), rate(0, 0), Rate.of(0, 0, 1)), MIN_SAMPLE);
        assertThat(score.score()).isNull();
        assertThat(score.band()).isNull();
        assertThat(score.groups()).isEmpty();
    }

    @Test
    void bandsFollowTheThresholdsWithTheLowerBoundIncluded() {
        IndexProperties bands = IndexProperties.defaults();
        assertThat(bands.band(100)).isEqualTo(RatingBand.EXCELLENT);
        assertThat(bands.band(90)).isEqualTo(RatingBand.EXCELLENT);
        assertThat(bands.band(89.999)).isEqualTo(RatingBand.GOOD);
        assertThat(bands.band(80)).isEqualTo(RatingBand.GOOD);
        assertThat(bands.band(70)).isEqualTo(RatingBand.FAIR);
        assertThat(bands.band(50)).isEqualTo(RatingBand.MEDIUM);
        assertThat(bands.band(49.999)).isEqualTo(RatingBand.WEAK);
    }

    @Test
    void bandsThatDoNotFallAreRefused() {
        assertThatThrownBy(() -> new IndexProperties(null, null, null, null, 80.0, 90.0, null, null))
                .hasMessageContaining("excellent > good > fair > medium");
    }
}
