package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    // 365 days: exactly 365 / (365.2425 / 12) = 11.99203 months
    private static final LocalDate DUE = LocalDate.of(2027, 1, 1);

    private static Rate rate(long numerator, long denominator) {
        return Rate.of(numerator, denominator, 20);
    }

    @Test
    void gainNeededIsTheGapSpreadOverTheMonthsLeft() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(40, 100), rate(38, 100), 0.80, TODAY, DUE);
        assertThat(t.monthsLeft()).isCloseTo(365 / (365.2425 / 12), within(1e-9));
        assertThat(t.monthlyGainNeeded()).isCloseTo(0.40 / t.monthsLeft(), within(1e-12));
        assertThat(t.recentMonthlyGain()).isCloseTo(0.02, within(1e-12));
        assertThat(t.status()).isEqualTo(Trajectory.Status.BEHIND);
    }

    @Test
    void aMonthlyGainAtLeastTheNeededOneIsOnTrack() {
        // gap 0.40 over ~11.99 months needs ~0.0334 a month; the last month gained 0.04
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(40, 100), rate(36, 100), 0.80, TODAY, DUE);
        assertThat(t.status()).isEqualTo(Trajectory.Status.ON_TRACK);
    }

    @Test
    void aValueAtTheTargetHasReachedItAndNeedsNoGain() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(80, 100), rate(90, 100), 0.80, TODAY, DUE);
        assertThat(t.status()).isEqualTo(Trajectory.Status.REACHED);
        assertThat(t.monthlyGainNeeded()).isZero();
    }

    @Test
    void belowTheTargetAfterItsDateIsMissed() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(50, 100), rate(40, 100), 0.80, DUE, DUE);
        assertThat(t.status()).isEqualTo(Trajectory.Status.MISSED);
        assertThat(t.monthlyGainNeeded()).isNull();
    }

    @Test
    void tooFewDossiersCannotBeJudged() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(19, 19), rate(10, 100), 0.80, TODAY, DUE);
        assertThat(t.status()).isEqualTo(Trajectory.Status.INSUFFICIENT_DATA);
        assertThat(t.monthlyGainNeeded()).isNull();
        assertThat(t.recentMonthlyGain()).isNull();
    }

    @Test
    void noPreviousValueMeansNoRecentGainAndBehind() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(40, 100), rate(0, 0), 0.80, TODAY, DUE);
        assertThat(t.recentMonthlyGain()).isNull();
        assertThat(t.status()).isEqualTo(Trajectory.Status.BEHIND);
    }

    @Test
    void thePathRisesLinearlyToTheTargetOnItsDate() {
        Trajectory t = Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, rate(40, 100), rate(38, 100), 0.80, TODAY, DUE);
        assertThat(t.expectedOn(TODAY)).isCloseTo(0.40, within(1e-12));
        assertThat(t.expectedOn(DUE)).isCloseTo(0.80, within(1e-12));
        assertThat(t.expectedOn(DUE.plusMonths(3))).as("no further than the target").isCloseTo(0.80, within(1e-12));
        assertThat(t.expectedOn(TODAY.plusDays(365 / 2 + 1))).isCloseTo(0.60, within(0.001));
    }
}
