package io.iocmonitor.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.kpi.GroupBy;

/** Each signal links an alert to the dashboard view that draws its figure, and keeps the API path for programs. */
class EvidenceLinksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void aProvinceRateOpensTheProvinceKpisOverTheLast30Days() {
        Evidence e = DossierSignals.rateEvidence(TODAY.minusDays(30), TODAY.plusDays(1), GroupBy.PROVINCE, "01", "");
        assertThat(e.view()).isEqualTo("/province/01?period=last-30-days&show=kpis");
        assertThat(e.api()).isEqualTo("/api/v1/kpis?from=2026-10-29&to=2026-11-29&groupBy=province&province=01");
    }

    @Test
    void aCommuneRateOpensTheCommuneAndANationalOneTheOverview() {
        assertThat(DossierSignals.rateEvidence(TODAY.minusDays(30), TODAY.plusDays(1), GroupBy.COMMUNE, "01",
                "00004").view()).isEqualTo("/commune/00004?period=last-30-days");
        assertThat(DossierSignals.rateEvidence(TODAY.minusDays(30), TODAY.plusDays(1), GroupBy.NONE, "", "").view())
                .isEqualTo("/?period=last-30-days");
    }

    @Test
    void theWindowPicksTheShortestPresetHoldingIt() {
        assertThat(DashboardLinks.Period.covering(TODAY, TODAY.plusDays(1))).isEqualTo(DashboardLinks.Period.TODAY);
        assertThat(DashboardLinks.Period.covering(TODAY.minusDays(7), TODAY.plusDays(1)))
                .isEqualTo(DashboardLinks.Period.LAST_30_DAYS);
        assertThat(DashboardLinks.Period.covering(TODAY.minusDays(90), TODAY.plusDays(1)))
                .isEqualTo(DashboardLinks.Period.THIS_YEAR);
    }

    @Test
    void overdueOpenDossiersOpenTheSlaBreachList() {
        assertThat(DossierSignals.overdueEvidence(TODAY, "79", "").view())
                .isEqualTo("/province/79?period=today&show=sla");
        assertThat(DossierSignals.overdueEvidence(TODAY, "79", "26734").view())
                .isEqualTo("/commune/26734?period=today");
        assertThat(DossierSignals.overdueEvidence(TODAY, "79", "").api())
                .isEqualTo("/api/v1/kpis?from=2026-11-28&to=2026-11-29&groupBy=province&province=79");
    }

    @Test
    void anOutageOpensTodaysTimelineOfItsProvince() {
        Evidence e = OutageSignals.evidence(TODAY.minusDays(1), TODAY.plusDays(1), "01");
        assertThat(e.view()).isEqualTo("/province/01?period=today&show=outages");
        assertThat(e.api()).isEqualTo("/api/v1/outages?from=2026-11-27&to=2026-11-29&province=01");
    }

    @Test
    void vneidSyncFreshnessAndTrajectoryOpenTheirPartOfTheProvinceView() {
        assertThat(VneidSignals.evidence(TODAY, "01").view()).isEqualTo("/province/01?period=today&show=health");
        assertThat(VneidSignals.evidence(TODAY, "").view()).isEqualTo("/?period=today");
        assertThat(VneidSignals.evidence(TODAY, "01").api())
                .isEqualTo("/api/v1/vneid?from=2026-11-28&to=2026-11-29&groupBy=province");
        assertThat(PortalAndQualitySignals.syncEvidence("48").view()).isEqualTo("/province/48?period=today&show=sync");
        assertThat(PortalAndQualitySignals.syncEvidence("48").api()).isEqualTo("/api/v1/sync?province=48");
        assertThat(PortalAndQualitySignals.freshnessEvidence(TODAY, "48"))
                .isEqualTo(new Evidence("/province/48?period=today&show=health",
                        "/api/v1/data-quality?from=2026-11-28&to=2026-11-29&province=48"));
        assertThat(PortalAndQualitySignals.freshnessEvidence(TODAY, "").view()).isEqualTo("/?period=today");
        assertThat(PortalAndQualitySignals.trajectoryEvidence("01"))
                .isEqualTo(new Evidence("/province/01?period=last-30-days&show=kpis",
                        "/api/v1/trajectory?province=01"));
        assertThat(PortalAndQualitySignals.trajectoryEvidence("").api()).isEqualTo("/api/v1/trajectory");
    }

    @Test
    void deadLettersOpenTheirList() {
        assertThat(DeadLetterSignals.EVIDENCE)
                .isEqualTo(new Evidence("/dead-letters", "/api/v1/dead-letters?limit=100"));
    }

    @Test
    void theWebhookKeepsTheApiPathAsEvidenceAndAddsTheView() {
        java.time.Instant t = java.time.Instant.parse("2026-11-28T02:15:00Z");
        Alert alert = new Alert(4, "portal-or-provincial-system-down", io.iocmonitor.alerting.rules.AlertState.FIRING,
                io.iocmonitor.alerting.rules.Severity.CRITICAL, "01", java.util.Map.of("province", "01"),
                java.util.List.of(), 180.0, new io.iocmonitor.alerting.rules.Text("v", "e"),
                OutageSignals.evidence(TODAY, TODAY.plusDays(1), "01"), t, t, null, null, null, null, null);
        var json = AlertJson.of(alert);
        assertThat(json.get("evidence")).isEqualTo("/api/v1/outages?from=2026-11-28&to=2026-11-29&province=01");
        assertThat(json.get("evidenceView")).isEqualTo("/province/01?period=today&show=outages");
        assertThat(new NotificationMessage(17, "firing", alert, null).text())
                .contains("dashboard: /province/01?period=today&show=outages\n")
                .contains("evidence: /api/v1/outages?");
    }
}
