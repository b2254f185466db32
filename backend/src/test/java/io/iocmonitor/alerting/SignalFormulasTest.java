package io.iocmonitor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.alerting.rules.Text;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.Trajectory;

/**
 * The small formulas of alerting: trajectory gap, a counter's growth, retry backoff, silence matching, channel
 * routes.
 */
class SignalFormulasTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    private static Trajectory trajectory(long now, long before, LocalDate due) {
        return Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, Rate.of(now, 100, 20), Rate.of(before, 100, 20), 0.80,
                TODAY, due);
    }

    @Test
    void theTrajectoryGapIsTheMonthlyGainStillMissing() {
        Trajectory behind = trajectory(40, 39, TODAY.plusDays(365));
        assertThat(behind.status()).isEqualTo(Trajectory.Status.BEHIND);
        assertThat(PortalAndQualitySignals.gapOf(behind)).isCloseTo(0.40 / 12 - 0.01, within(1e-3));
        Trajectory onTrack = trajectory(40, 30, TODAY.plusDays(365));
        assertThat(PortalAndQualitySignals.gapOf(onTrack)).isNegative();
        assertThat(PortalAndQualitySignals.gapOf(trajectory(85, 80, TODAY.plusDays(30)))).isZero();
        assertThat(PortalAndQualitySignals.gapOf(trajectory(70, 60, TODAY.minusDays(1)))).isCloseTo(0.10,
                within(1e-9));
        assertThat(PortalAndQualitySignals.gapOf(Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, Rate.of(1, 5, 20),
                Rate.of(1, 5, 20), 0.8, TODAY, TODAY.plusDays(90)))).isNull();
    }

    @Test
    void aDropCountGrowsByItsIncrementsAndAResetCountsWhatCameAfterIt() {
        assertThat(CounterGrowth.of()).isZero();
        assertThat(CounterGrowth.of(40)).as("one reading: nothing to compare").isZero();
        assertThat(CounterGrowth.of(40, 40, 40)).isZero();
        assertThat(CounterGrowth.of(40, 90, 90, 150)).isEqualTo(110);
        assertThat(CounterGrowth.of(40, 90, 0, 30)).as("a wiped queue folder starts again from 0").isEqualTo(80);
        assertThat(CounterGrowth.of(500, 20, 70)).as("a reset between two readings: what came after it")
                .isEqualTo(70);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTenMinutes() {
        Duration initial = Duration.ofSeconds(5);
        assertThat(Notifier.backoff(initial, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Notifier.backoff(initial, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Notifier.backoff(initial, 3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Notifier.backoff(initial, 10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Notifier.backoff(initial, 60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aSilenceMatchesEveryMatcherIncludingTheRuleDuringItsWindow() {
        Instant t = Instant.parse("2026-01-05T01:00:00Z");
        Alert alert = new Alert(1, "collector-silent", AlertState.FIRING, Severity.MAJOR, "01",
                Map.of("province", "01", "severity", "major", "team", "noc"), List.of(), null, new Text("v", "e"), null,
                t, t, null, null, null, null, null);
        Silence byProvince = new Silence(1, Map.of("province", "01"), t, t.plusSeconds(3600), "op", "maint", t);
        assertThat(byProvince.matches(alert)).isTrue();
        assertThat(new Silence(2, Map.of("province", "01", "rule", "collector-silent"), t, t, "op", "c", t)
                .matches(alert)).isTrue();
        assertThat(new Silence(3, Map.of("province", "01", "rule", "portal-down"), t, t, "op", "c", t)
                .matches(alert)).isFalse();
        assertThat(new Silence(4, Map.of("province", "79"), t, t, "op", "c", t).matches(alert)).isFalse();
        assertThat(byProvince.isActive(t.minusSeconds(1))).isFalse();
        assertThat(byProvince.isActive(t)).isTrue();
        assertThat(byProvince.isActive(t.plusSeconds(3600))).isFalse();
    }

    @Test
    void channelsRouteBySeverityAndProvince() {
        AlertingProperties.Channel all = new AlertingProperties.Channel("http://x", null, null, null);
        AlertingProperties.Channel urgentHanoi = new AlertingProperties.Channel(null, List.of("a@b"),
                List.of("critical", "major"), List.of("01"));
        assertThat(all.routes("info", null)).isTrue();
        assertThat(urgentHanoi.routes("critical", "01")).isTrue();
        assertThat(urgentHanoi.routes("minor", "01")).isFalse();
        assertThat(urgentHanoi.routes("critical", "79")).isFalse();
        assertThat(urgentHanoi.routes("critical", null)).as("national alerts go to unrestricted channels").isFalse();
    }
}
