package io.iocmonitor.alerting.rules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ioc test-rules [folder]}: validates the rule files of a folder (default {@code alert-rules}) and runs
 * its rule tests, for operators changing rules. Exit code 0 when all is well, 1 otherwise.
 */
public final class RuleTestCommand {

    private RuleTestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(args.length > 0 ? args[0] : "alert-rules"), System.out));
    }

    public static int run(Path dir, PrintStream out) {
        if (!Files.isDirectory(dir)) {
            out.println("test-rules: " + dir + " is not a folder");
            return 1;
        }
        RuleSet rules = RuleSetLoader.load(dir);
        rules.errors().forEach(e -> out.println("INVALID " + e));
        out.println((rules.isValid() ? "ok      " : "INVALID ") + dir + ": " + rules.rules().size() + " rules");
        int failed = rules.isValid() ? 0 : 1;
        int passed = 0;
        List<RuleTestRunner.FileResult> results = RuleTestRunner.runAll(dir);
        for (RuleTestRunner.FileResult r : results) {
            r.failures().forEach(f -> out.println("FAILED  " + f));
            out.println((r.failures().isEmpty() ? "ok      " : "FAILED  ") + dir.getFileName() + "/tests/"
                    + r.file().getFileName() + ": " + r.tests() + " tests");
            if (r.failures().isEmpty()) {
                passed++;
            } else {
                failed++;
            }
        }
        for (var rule : rules.rules()) {
            if (results.stream().noneMatch(r -> r.testedRules().contains(rule.name()))) {
                out.println("note    rule \"" + rule.name() + "\" (" + rule.file() + ") has no rule test");
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
