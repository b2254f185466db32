package io.iocmonitor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleFileParserTest {

    private static final String GOOD = """
            rules:
              - name: online-rate-low
                signal: full-process-online-rate
                scope: {provinces: ["01", "79"]}
                condition: "< 0.80"
                recovery: ">= 0.82"
                for: 1h30m
                keep-firing-for: 10m
                severity: major
                labels: {team: dvc}
                summary: {vi: "Thấp", en: "Low"}
                runbook: {vi: "Làm gì", en: "What to do"}
            """;

    private static RuleFileParser.Result parse(String yaml) {
        return RuleFileParser.parse("alert-rules/province.yaml", yaml);
    }

    @Test
    void aValidRuleIsReadWithEveryField() {
        RuleFileParser.Result result = parse(GOOD);
        assertThat(result.errors()).isEmpty();
        Rule rule = result.rules().getFirst();
        assertThat(rule.signal()).isEqualTo(SignalKind.FULL_PROCESS_ONLINE_RATE);
        assertThat(rule.scope()).isEqualTo(new RuleScope(RuleScope.Kind.PROVINCES, java.util.Set.of("01", "79")));
        assertThat(rule.condition()).isEqualTo(new Threshold(Threshold.Comparison.BELOW, 0.80));
        assertThat(rule.recovery()).isEqualTo(new Threshold(Threshold.Comparison.AT_LEAST, 0.82));
        assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rule.window()).isEqualTo(Duration.ofDays(30));
        assertThat(rule.every()).isNull();
        assertThat(rule.severity()).isEqualTo(Severity.MAJOR);
        assertThat(rule.labels()).isEqualTo(Map.of("team", "dvc"));
        assertThat(rule.summary()).isEqualTo(new Text("Thấp", "Low"));
    }

    @Test
    void aBadDurationNamesFileRuleAndField() {
        RuleFileParser.Result result = parse(GOOD.replace("for: 1h30m", "for: 5 minutes"));
        assertThat(result.errors()).containsExactly(
                "alert-rules/province.yaml: rule \"online-rate-low\": field \"for\": \"5 minutes\" is not a duration"
                        + " (e.g. 5m)");
        assertThat(result.rules()).isEmpty();
    }

    @Test
    void everyProblemOfARuleIsReportedNotJustTheFirst() {
        RuleFileParser.Result result = parse(GOOD.replace("severity: major", "severity: huge")
                .replace("full-process-online-rate", "online-ratio").replace("fro", "x"));
        assertThat(result.errors()).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("field \"severity\": \"huge\" is not a severity"))
                .anySatisfy(e -> assertThat(e).contains("field \"signal\": \"online-ratio\" is not a known signal"));
    }

    @Test
    void aRecoveryThatOverlapsTheConditionIsRefused() {
        assertThat(parse(GOOD.replace(">= 0.82", ">= 0.78")).errors()).singleElement().asString()
                .contains("field \"recovery\": \">= 0.78\" overlaps the condition \"< 0.8\"");
        assertThat(parse(GOOD.replace(">= 0.82", "< 0.9")).errors()).hasSize(1);
    }

    @Test
    void withoutARecoveryTheConditionNoLongerHoldingRecovers() {
        Rule rule = parse(GOOD.replace("    recovery: \">= 0.82\"\n", "")).rules().getFirst();
        assertThat(rule.recovery()).isEqualTo(new Threshold(Threshold.Comparison.AT_LEAST, 0.80));
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        RuleFileParser.Result result = parse(GOOD.replace("    for: 1h30m\n", "    fro: 1h30m\n")
                .replace("    runbook: {vi: \"Làm gì\", en: \"What to do\"}\n", ""));
        assertThat(result.errors()).anySatisfy(e -> assertThat(e)
                        .startsWith("alert-rules/province.yaml: rule \"online-rate-low\": field \"fro\": unknown field"))
                .anySatisfy(e -> assertThat(e).endsWith("field \"runbook\": is required (vi: …, en: …)"));
    }

    @Test
    void aRuleWithoutANameIsNamedByItsPosition() {
        assertThat(parse(GOOD.replace("  - name: online-rate-low\n    signal", "  - signal")).errors())
                .containsExactly("alert-rules/province.yaml: rule #1: field \"name\": is required");
    }

    @Test
    void provinceCodesMustBeQuotedStrings() {
        assertThat(parse(GOOD.replace("[\"01\", \"79\"]", "[1, 79]")).errors()).singleElement().asString()
                .contains("field \"scope\": provinces: \"1\" is not a code");
    }

    @Test
    void brokenYamlIsOneClearError() {
        assertThat(parse("rules: [ {name: x").errors()).singleElement().asString()
                .startsWith("alert-rules/province.yaml: not valid YAML");
        assertThat(parse("alerts: []").errors())
                .containsExactly("alert-rules/province.yaml: expected a top-level \"rules:\" list");
    }

    @Test
    void aNameUsedInTwoFilesIsRefused() {
        RuleSet set = RuleSetLoader.parse("alert-rules/", new java.util.TreeMap<>(Map.of("a.yaml", GOOD, "b.yaml", GOOD)));
        assertThat(set.errors()).containsExactly("alert-rules/b.yaml: rule \"online-rate-low\": the name is already "
                + "used in alert-rules/a.yaml");
        assertThat(set.rules()).hasSize(1);
    }
}
