package io.iocmonitor.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the rule folder: its problems show while they last, and go once the folder reads well again. */
class AlertRulesTest {

    private static final String RULE = """
            rules:
              - name: collector-silent
                signal: collector-silent-seconds
                scope: each-commune
                condition: "> 0"
                severity: major
                summary: {vi: "{province}: mất tín hiệu", en: "{province}: silent"}
                runbook: {vi: "Kiểm tra", en: "Check"}
            """;

    @TempDir
    Path parent;

    @Test
    void aFolderThatCouldNotBeReadForAMomentIsHealthyAgainOnTheNextGoodRead() throws Exception {
        Path dir = Files.createDirectories(parent.resolve("alert-rules"));
        Files.writeString(dir.resolve("infrastructure.yaml"), RULE);
        AlertRules rules = new AlertRules(new AlertRulesProperties(dir));
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.inForce().rules()).hasSize(1);

        Path away = Files.move(dir, parent.resolve("moved-away"));
        rules.reload();
        assertThat(rules.problems()).singleElement().asString().contains("cannot read the alert rules folder");
        assertThat(rules.inForce().rules()).as("the last good rules stay in force").hasSize(1);

        Files.move(away, dir);
        rules.reload();
        assertThat(rules.problems()).as("the same files as before the failure").isEmpty();
    }

    @Test
    void aRefusedFileShowsUntilItIsFixed() throws Exception {
        Path dir = Files.createDirectories(parent.resolve("alert-rules"));
        Files.writeString(dir.resolve("infrastructure.yaml"), RULE);
        AlertRules rules = new AlertRules(new AlertRulesProperties(dir));
        Files.writeString(dir.resolve("infrastructure.yaml"), RULE.replace("severity: major", "severity: huge"));
        rules.reload();
        assertThat(rules.problems()).singleElement().asString().contains("infrastructure.yaml", "severity");
        Files.writeString(dir.resolve("infrastructure.yaml"), RULE);
        rules.reload();
        assertThat(rules.problems()).isEmpty();
    }
}
