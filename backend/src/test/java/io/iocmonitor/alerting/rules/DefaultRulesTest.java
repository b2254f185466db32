package io.iocmonitor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled rules of SPEC §6 load without error and pass their rule tests, as {@code ./ioc test-rules} runs them. */
class DefaultRulesTest {

    private static final Path BUNDLED = Path.of("../alert-rules");

    @Test
    void theBundledRulesAreValid() {
        RuleSet rules = RuleSetLoader.load(BUNDLED);
        assertThat(rules.errors()).isEmpty();
        assertThat(rules.rules()).extracting(Rule::name).contains("online-rate-low", "on-time-rate-low",
                "overdue-open-old", "portal-or-provincial-system-down", "collector-silent", "vneid-success-rate-low",
                "vneid-latency-high", "dead-letter-rate-high", "online-rate-behind-trajectory", "sync-lag-high",
                "data-stale", "collector-dropped-events");
    }

    @Test
    void summariesNameTheProvinceOnce() {
        // {province} is the full name ("Tỉnh Đắk Lắk", "Thành phố Hà Nội"): "Tỉnh {province}" would say it twice
        assertThat(RuleSetLoader.load(BUNDLED).rules()).allSatisfy(r -> assertThat(List.of(r.summary().vi(),
                r.summary().en())).noneMatch(text -> text.matches("(?s).*(Tỉnh|Thành phố|Province) \\{province}.*")));
    }

    @Test
    void everyBundledRuleHasAPassingRuleTest() {
        List<RuleTestRunner.FileResult> results = RuleTestRunner.runAll(BUNDLED);
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).isEmpty());
        List<String> tested = results.stream().flatMap(r -> r.testedRules().stream()).toList();
        assertThat(RuleSetLoader.load(BUNDLED).rules()).allSatisfy(r -> assertThat(tested).contains(r.name()));
    }

    @Test
    void theCommandFailsOnAWrongExpectation(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("alert-rules"));
        Files.copy(BUNDLED.resolve("vneid.yaml"), rules.resolve("vneid.yaml"));
        Files.createDirectories(rules.resolve("tests"));
        Files.writeString(rules.resolve("tests/vneid.test.yaml"), Files.readString(
                BUNDLED.resolve("tests/vneid.test.yaml")).replace("{at: 29m, rule: vneid-success-rate-low",
                "{at: 28m, rule: vneid-success-rate-low"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RuleTestCommand.run(rules, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAILED  alert-rules/tests/vneid.test.yaml: test \"VNeID success below 99 %")
                .contains("notifications: expected [10m vneid-success-rate-low firing {province=01}, 28m")
                .contains("but got [10m vneid-success-rate-low firing")
                .contains("0 passed, 1 failed");
    }

    @Test
    void theCommandPassesOnTheBundledRules() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RuleTestCommand.run(BUNDLED, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok      ../alert-rules: 12 rules")
                .doesNotContain("FAILED").doesNotContain("has no rule test");
        assertThat(exit).isZero();
    }
}
