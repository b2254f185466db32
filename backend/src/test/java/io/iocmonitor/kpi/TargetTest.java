package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aTargetAppliesFromItsFirstDayUpToButExcludingItsLast() {
        Target t = new Target(1L, Kpi.ON_TIME_RATE, "01", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 0.9,
                null);
        assertThat(t.appliesOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(t.appliesOn(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(t.appliesOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(t.appliesOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void provinceTargetsAreMoreSpecificThanNationalOnes() {
        Target national = new Target(1L, Kpi.ON_TIME_RATE, null, LocalDate.of(2026, 1, 1), null, 0.9, null);
        Target province = new Target(2L, Kpi.ON_TIME_RATE, "01", null, null, 0.9, null);
        assertThat(province.specificity()).isGreaterThan(national.specificity());
    }

    @Test
    void ratesAreFractionsAndTheLagIsNotNegative() {
        assertThatThrownBy(() -> new Target(null, Kpi.ON_TIME_RATE, null, null, null, 95, null))
                .hasMessageContaining("onTimeRate is a fraction in [0, 1]");
        assertThatThrownBy(() -> new Target(null, Kpi.SYNC_LAG_SECONDS, null, null, null, -1, null))
                .hasMessageContaining("syncLagSeconds is at least 0");
        assertThatThrownBy(() -> new Target(null, Kpi.ON_TIME_RATE, null, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), 0.9, null)).hasMessageContaining("must be before validTo");
    }

    @Test
    void theLagIsMetFromBelowAndRatesFromAbove() {
        assertThat(Kpi.SYNC_LAG_SECONDS.meets(900, 900)).isTrue();
        assertThat(Kpi.SYNC_LAG_SECONDS.meets(901, 900)).isFalse();
        assertThat(Kpi.ON_TIME_RATE.meets(0.95, 0.95)).isTrue();
        assertThat(Kpi.ON_TIME_RATE.meets(0.9499, 0.95)).isFalse();
    }

    @Test
    void defaultsAreThoseOfTheSpecificationOverriddenByConfiguration() {
        KpiProperties properties = new KpiProperties(null, null, null, Map.of("onTimeRate", 0.9,
                "digitisationRate", 0.7));
        Map<Kpi, Target> defaults = properties.defaultTargets();
        assertThat(defaults.get(Kpi.FULL_PROCESS_ONLINE_RATE).value()).isEqualTo(0.80);
        assertThat(defaults.get(Kpi.FULL_PROCESS_ONLINE_RATE).dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(defaults.get(Kpi.ON_TIME_RATE).value()).isEqualTo(0.9);
        assertThat(defaults.get(Kpi.DIGITISATION_RATE).value()).isEqualTo(0.7);
        assertThat(defaults.get(Kpi.VNEID_SUCCESS_RATE).value()).isEqualTo(0.99);
        assertThat(defaults.get(Kpi.AVAILABILITY).value()).isEqualTo(0.995);
        assertThat(defaults.get(Kpi.SYNC_LAG_SECONDS).value()).isEqualTo(900);
        assertThat(defaults).doesNotContainKey(Kpi.E_SIGNATURE_RATE);
    }

    @Test
    void anUnknownKpiInTheConfigurationIsNamed() {
        assertThatThrownBy(() -> new KpiProperties(null, null, null, Map.of("onlineRate", 0.9)))
                .hasMessageContaining("ioc.kpi.targets.onlineRate: no such KPI");
    }
}
