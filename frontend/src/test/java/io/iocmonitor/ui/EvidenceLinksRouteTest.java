package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.iocmonitor.alerting.DashboardLinks;

/** The alerts' evidence links name periods and parts that the views understand. */
class EvidenceLinksRouteTest {

    @Test
    void everyPeriodOfAnEvidenceLinkIsAPresetOfTheViews() {
        assertThat(Arrays.stream(DashboardLinks.Period.values()).map(p -> PeriodPreset.fromWire(p.wireName())))
                .allSatisfy(preset -> assertThat(preset).isPresent());
    }

    @Test
    void sectionsReadBackFromTheirWireNames() {
        assertThat(Arrays.stream(DashboardLinks.Section.values())
                .map(s -> DashboardLinks.Section.fromWire(s.wireName()).orElseThrow()))
                .containsExactly(DashboardLinks.Section.values());
        assertThat(DashboardLinks.Section.fromWire("nothing")).isEmpty();
    }
}
