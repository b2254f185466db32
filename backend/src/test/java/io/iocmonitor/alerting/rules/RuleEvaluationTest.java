package io.iocmonitor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-01-05T01:00:00Z");

    private static Rule rule(String scope) {
        return RuleFileParser.parse("t.yaml", """
                rules:
                  - name: down
                    signal: probe-outage-seconds
                    scope: %s
                    match: {target_type: "portal"}
                    condition: "> 0"
                    severity: critical
                    summary: {vi: v, en: e}
                    runbook: {vi: v, en: e}
                """.formatted(scope)).rules().getFirst();
    }

    private static Observation down(String province, String commune, String type) {
        return Observation.of(Map.of("province", province, "commune", commune, "target", type, "target_type", type),
                120);
    }

    @Test
    void communesOfOneProvinceMakeOneAlertListingThem() {
        List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule("each-commune"), List.of(
                down("01", "01001", "portal"), down("01", "01002", "portal"), down("79", "79001", "portal"),
                down("01", "01003", "internet")), Map.of(), NOW);
        assertThat(outcomes).extracting(GroupOutcome::groupKey).containsExactly("01", "79");
        assertThat(outcomes.getFirst().members()).extracting(GroupOutcome.Member::key)
                .containsExactly("commune=01001 target=portal", "commune=01002 target=portal");
        assertThat(outcomes.getFirst().step().transition()).isEqualTo(AlertLifecycle.Transition.FIRING);
    }

    @Test
    void aNationalRuleMakesOneAlertWhoseMembersNameTheirProvince() {
        List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule("national"), List.of(
                down("01", "01001", "portal"), down("79", "79001", "portal")), Map.of(), NOW);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.province()).isNull();
            assertThat(o.members()).extracting(GroupOutcome.Member::key).containsExactly(
                    "commune=01001 province=01 target=portal", "commune=79001 province=79 target=portal");
        });
    }

    @Test
    void aListedScopeIgnoresOtherProvinces() {
        List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule("{provinces: [\"79\"]}"), List.of(
                down("01", "01001", "portal"), down("79", "79001", "portal")), Map.of(), NOW);
        assertThat(outcomes).extracting(GroupOutcome::groupKey).containsExactly("79");
    }

    @Test
    void anOpenAlertWithNothingObservedAnyMoreResolves() {
        AlertTrack firing = new AlertTrack(AlertState.FIRING, NOW.minusSeconds(600), NOW.minusSeconds(600),
                NOW.minusSeconds(60), java.util.Set.of("commune=01001 target=portal"));
        List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule("each-commune"), List.of(),
                Map.of("01", firing), NOW);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.step().transition()).isEqualTo(AlertLifecycle.Transition.RESOLVED);
            assertThat(o.members()).isEmpty();
        });
    }

    @Test
    void theWorstMemberGivesTheAlertsValue() {
        Rule rule = RuleFileParser.parse("t.yaml", """
                rules:
                  - name: low
                    signal: on-time-rate
                    scope: each-commune
                    condition: "< 0.95"
                    severity: minor
                    summary: {vi: v, en: e}
                    runbook: {vi: v, en: e}
                """).rules().getFirst();
        List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule, List.of(
                Observation.of(Map.of("province", "01", "commune", "01001"), 0.9),
                Observation.of(Map.of("province", "01", "commune", "01002"), 0.7)), Map.of(), NOW);
        assertThat(outcomes.getFirst().value()).isEqualTo(0.7);
    }
}
