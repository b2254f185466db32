package io.iocmonitor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    private static Threshold t(String s) {
        return Threshold.parse(s).orElseThrow();
    }

    @Test
    void comparesExactlyAtTheBound() {
        assertThat(t("< 0.8").holds(0.8)).isFalse();
        assertThat(t("<= 0.8").holds(0.8)).isTrue();
        assertThat(t("> 900").holds(900)).isFalse();
        assertThat(t(">= 900").holds(900)).isTrue();
        assertThat(t(">-1").holds(0)).isTrue();
    }

    @Test
    void refusesWhatIsNotAComparison() {
        assertThat(Threshold.parse("below 0.8")).isEmpty();
        assertThat(Threshold.parse("< 80%")).isEmpty();
        assertThat(Threshold.parse("= 1")).isEmpty();
    }

    @Test
    void aRecoveryMustPointTheOtherWayWithoutOverlap() {
        assertThat(t("< 0.8").isSeparatedFrom(t(">= 0.82"))).isTrue();
        assertThat(t("< 0.8").isSeparatedFrom(t(">= 0.8"))).isTrue();
        assertThat(t("<= 0.8").isSeparatedFrom(t(">= 0.8"))).isFalse();
        assertThat(t("<= 0.8").isSeparatedFrom(t("> 0.8"))).isTrue();
        assertThat(t("< 0.8").isSeparatedFrom(t(">= 0.79"))).isFalse();
        assertThat(t("> 3000").isSeparatedFrom(t("<= 2000"))).isTrue();
        assertThat(t("> 3000").isSeparatedFrom(t("< 4000"))).isFalse();
        assertThat(t("> 3000").isSeparatedFrom(t("> 4000"))).isFalse();
    }

    @Test
    void negationIsTheExactComplement() {
        for (String s : new String[] {"< 1", "<= 1", "> 1", ">= 1"}) {
            Threshold th = t(s);
            for (double v : new double[] {0.5, 1, 1.5}) {
                assertThat(th.negated().holds(v)).isEqualTo(!th.holds(v));
            }
        }
    }

    @Test
    void durationsAreWrittenTheWayRuleFilesDo() {
        assertThat(RuleDurations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(RuleDurations.parse("0")).contains(Duration.ZERO);
        assertThat(RuleDurations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(RuleDurations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(RuleDurations.parse("5 minutes")).isEmpty();
        assertThat(RuleDurations.parse("5")).isEmpty();
        assertThat(RuleDurations.parse("m5")).isEmpty();
        assertThat(RuleDurations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(RuleDurations.format(Duration.ZERO)).isEqualTo("0");
    }
}
