package io.iocmonitor.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the rule files of a folder: every {@code *.yaml} / {@code *.yml} at its top level (rule tests live in its
 * {@code tests/} sub-folder). A rule name must be unique across files, since alerts are named after it.
 */
public final class RuleSetLoader {

    private RuleSetLoader() {
    }

    /** The rule files of {@code dir}, by file name. */
    public static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(RuleSetLoader::isRuleFile).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alert rules folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    public static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    public static RuleSet load(Path dir) {
        return parse(dir.getFileName() + "/", read(dir));
    }

    /**
     * @param prefix how messages name the folder, e.g. {@code alert-rules/}
     * @param files  file name → content
     */
    public static RuleSet parse(String prefix, Map<String, String> files) {
        List<Rule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, String> fileOf = new HashMap<>();
        files.forEach((name, content) -> {
            RuleFileParser.Result result = RuleFileParser.parse(prefix + name, content);
            errors.addAll(result.errors());
            for (Rule rule : result.rules()) {
                String other = fileOf.putIfAbsent(rule.name(), rule.file());
                if (other != null) {
                    errors.add(rule.file() + ": rule \"" + rule.name() + "\": the name is already used in " + other);
                } else {
                    rules.add(rule);
                }
            }
        });
        if (files.isEmpty()) {
            errors.add(prefix + ": no rule files (*.yaml)");
        }
        return new RuleSet(rules, errors);
    }
}
