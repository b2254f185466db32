package io.iocmonitor.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs rule test files (in the style of {@code promtool test rules}): input series per signal and labels, one value
 * per evaluation interval; the rules are evaluated at every interval from 0 with the same code as the server
 * ({@link RuleEvaluation}); expected open alerts at given times and, optionally, the complete list of firing and
 * resolved notifications. Format: {@code alert-rules/README.md}.
 */
public final class RuleTestRunner {

    /** The outcome of one test file: which rules it tested and what did not hold (empty when it passed). */
    public record FileResult(Path file, int tests, List<String> testedRules, List<String> failures) {
    }

    private record Series(SignalKind signal, Map<String, String> labels, List<SeriesValues.Sample> samples) {
    }

    private record Notification(Duration at, String rule, AlertState state, Map<String, String> labels) {
    }

    private RuleTestRunner() {
    }

    /** Runs every test file in {@code rulesDir/tests}. */
    public static List<FileResult> runAll(Path rulesDir) {
        Path tests = rulesDir.resolve("tests");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(RuleSetLoader::isRuleFile).sorted().map(f -> run(rulesDir, f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FileResult run(Path rulesDir, Path testFile) {
        List<String> failures = new ArrayList<>();
        List<String> tested = new ArrayList<>();
        String where = rulesDir.getFileName() + "/tests/" + testFile.getFileName();
        Map<?, ?> root;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(testFile, StandardCharsets.UTF_8));
            root = loaded instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | RuntimeException e) {
            return new FileResult(testFile, 0, tested, List.of(where + ": cannot read: " + e.getMessage()));
        }
        Map<String, String> ruleFiles = new TreeMap<>();
        for (Object name : list(root.get("rule_files"))) {
            try {
                ruleFiles.put(String.valueOf(name),
                        Files.readString(rulesDir.resolve(String.valueOf(name)), StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add(where + ": rule file \"" + name + "\" cannot be read");
            }
        }
        RuleSet rules = RuleSetLoader.parse(rulesDir.getFileName() + "/", ruleFiles);
        failures.addAll(rules.errors());
        Duration interval = RuleDurations.parse(root.get("evaluation_interval") == null ? "1m"
                : String.valueOf(root.get("evaluation_interval")))
                .orElse(Duration.ofMinutes(1));
        List<?> tests = list(root.get("tests"));
        for (Object t : tests) {
            if (!(t instanceof Map<?, ?> test)) {
                failures.add(where + ": every entry of \"tests\" is a mapping");
                continue;
            }
            String name = where + ": test \"" + test.get("name") + "\"";
            try {
                runTest(name, test, rules, interval, failures, tested);
            } catch (IllegalArgumentException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        if (tests.isEmpty()) {
            failures.add(where + ": no tests");
        }
        return new FileResult(testFile, tests.size(), tested.stream().distinct().toList(), failures);
    }

    private static void runTest(String name, Map<?, ?> test, RuleSet rules, Duration interval,
            List<String> failures, List<String> tested) {
        List<Series> series = new ArrayList<>();
        for (Object s : list(test.get("series"))) {
            Map<?, ?> m = map(s, "series entry");
            SignalKind kind = SignalKind.fromWire(String.valueOf(m.get("signal"))).orElseThrow(
                    () -> new IllegalArgumentException("unknown signal \"" + m.get("signal") + "\""));
            series.add(new Series(kind, strings(m.get("labels")), SeriesValues.parse(String.valueOf(m.get("values")))));
        }
        // expectations: time → rule → expected alerts
        Map<Duration, Map<String, List<Map<?, ?>>>> expected = new TreeMap<>();
        for (Object e : list(test.get("expect"))) {
            Map<?, ?> m = map(e, "expect entry");
            String rule = String.valueOf(m.get("rule"));
            if (rules.rule(rule).isEmpty()) {
                throw new IllegalArgumentException("expect: no rule \"" + rule + "\" in the rule files");
            }
            tested.add(rule);
            List<Map<?, ?>> alerts = new ArrayList<>();
            for (Object a : list(m.get("alerts"))) {
                alerts.add(map(a, "expected alert"));
            }
            expected.computeIfAbsent(duration(m.get("at")), d -> new LinkedHashMap<>()).put(rule, alerts);
        }
        List<Notification> expectedNotifications = null;
        if (test.containsKey("notifications")) {
            expectedNotifications = new ArrayList<>();
            for (Object n : list(test.get("notifications"))) {
                Map<?, ?> m = map(n, "notification");
                tested.add(String.valueOf(m.get("rule")));
                expectedNotifications.add(new Notification(duration(m.get("at")), String.valueOf(m.get("rule")),
                        AlertState.valueOf(String.valueOf(m.get("state")).toUpperCase(java.util.Locale.ROOT)),
                        strings(m.get("labels"))));
            }
        }
        Duration end = expected.isEmpty() ? Duration.ZERO : ((TreeMap<Duration, ?>) expected).lastKey();
        if (expectedNotifications != null) {
            for (Notification n : expectedNotifications) {
                end = n.at().compareTo(end) > 0 ? n.at() : end;
            }
        }
        end = Stream.of(end, interval.multipliedBy(series.stream().mapToInt(s -> s.samples().size()).max().orElse(0)))
                .max(Duration::compareTo).orElseThrow();

        Instant t0 = Instant.parse("2026-01-05T01:00:00Z");
        Map<String, Map<String, AlertTrack>> open = new HashMap<>();
        List<Notification> notifications = new ArrayList<>();
        for (Duration at = Duration.ZERO; at.compareTo(end) <= 0; at = at.plus(interval)) {
            int index = (int) (at.toMillis() / interval.toMillis());
            Instant now = t0.plus(at);
            for (Rule rule : rules.rules()) {
                List<Observation> observations = observations(series, rule.signal(), index);
                Map<String, AlertTrack> tracks = open.computeIfAbsent(rule.name(), r -> new HashMap<>());
                for (GroupOutcome o : RuleEvaluation.evaluate(rule, observations, tracks, now)) {
                    AlertTrack next = o.step().next();
                    if (next == null || next.state() == AlertState.RESOLVED) {
                        tracks.remove(o.groupKey());
                    } else {
                        tracks.put(o.groupKey(), next);
                    }
                    switch (o.step().transition()) {
                        case FIRING -> notifications.add(new Notification(at, rule.name(), AlertState.FIRING,
                                labels(rule, o.province())));
                        case RESOLVED -> notifications.add(new Notification(at, rule.name(), AlertState.RESOLVED,
                                labels(rule, o.province())));
                        default -> { }
                    }
                }
            }
            Map<String, List<Map<?, ?>>> due = expected.get(at);
            if (due != null) {
                for (Map.Entry<String, List<Map<?, ?>>> e : due.entrySet()) {
                    Rule rule = rules.rule(e.getKey()).orElseThrow();
                    check(name + " at " + RuleDurations.format(at) + ": rule \"" + rule.name() + "\"", rule,
                            open.getOrDefault(rule.name(), Map.of()), e.getValue(), failures);
                }
            }
        }
        if (expectedNotifications != null) {
            compareNotifications(name, expectedNotifications, notifications, failures);
        }
    }

    private static void check(String where, Rule rule, Map<String, AlertTrack> open, List<Map<?, ?>> expected,
            List<String> failures) {
        List<String> actual = new TreeMap<>(open).entrySet().stream()
                .map(e -> describe(e.getValue().state(), labels(rule, e.getKey().isEmpty() ? null : e.getKey()),
                        e.getValue().members()))
                .toList();
        List<Map<?, ?>> unmatched = new ArrayList<>(expected);
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, AlertTrack> e : new TreeMap<>(open).entrySet()) {
            Map<String, String> labels = labels(rule, e.getKey().isEmpty() ? null : e.getKey());
            Map<?, ?> match = unmatched.stream().filter(x -> matches(x, e.getValue(), labels)).findFirst()
                    .orElse(null);
            if (match == null) {
                extra.add(describe(e.getValue().state(), labels, e.getValue().members()));
            } else {
                unmatched.remove(match);
            }
        }
        if (!unmatched.isEmpty() || !extra.isEmpty()) {
            failures.add(where + ": expected " + unmatched.size() + " more alert(s) " + unmatched
                    + (extra.isEmpty() ? "" : " and did not expect " + extra) + "; open alerts: " + actual);
        }
    }

    private static boolean matches(Map<?, ?> expected, AlertTrack actual, Map<String, String> labels) {
        Object state = expected.get("state");
        if (state != null && !actual.state().wireName().equals(String.valueOf(state))) {
            return false;
        }
        for (Map.Entry<String, String> l : strings(expected.get("labels")).entrySet()) {
            if (!Objects.equals(labels.get(l.getKey()), l.getValue())) {
                return false;
            }
        }
        Object members = expected.get("members");
        return members == null || new java.util.TreeSet<>(list(members).stream().map(String::valueOf).toList())
                .equals(new java.util.TreeSet<>(actual.members()));
    }

    private static void compareNotifications(String where, List<Notification> expected, List<Notification> actual,
            List<String> failures) {
        List<Notification> relevant = actual.stream()
                .filter(n -> expected.stream().anyMatch(e -> e.rule().equals(n.rule())))
                .toList();
        boolean same = relevant.size() == expected.size();
        for (int i = 0; same && i < expected.size(); i++) {
            Notification e = expected.get(i);
            Notification a = relevant.get(i);
            same = e.at().equals(a.at()) && e.rule().equals(a.rule()) && e.state() == a.state()
                    && a.labels().entrySet().containsAll(e.labels().entrySet());
        }
        if (!same) {
            failures.add(where + ": notifications: expected " + expected.stream().map(RuleTestRunner::describe)
                    .toList() + " but got " + relevant.stream().map(RuleTestRunner::describe).toList());
        }
    }

    private static String describe(Notification n) {
        return RuleDurations.format(n.at()) + " " + n.rule() + " " + n.state().wireName() + " " + n.labels();
    }

    private static String describe(AlertState state, Map<String, String> labels, java.util.Set<String> members) {
        return state.wireName() + " " + labels + (members.isEmpty() ? "" : " members " + new java.util.TreeSet<>(
                members));
    }

    /** The labels an alert of this rule carries: the rule's own, its severity, and the province where it has one. */
    public static Map<String, String> labels(Rule rule, @Nullable String province) {
        Map<String, String> labels = new TreeMap<>(rule.labels());
        labels.put("severity", rule.severity().wireName());
        if (province != null) {
            labels.put("province", province);
        }
        return labels;
    }

    private static List<Observation> observations(List<Series> series, SignalKind kind, int index) {
        List<Observation> result = new ArrayList<>();
        for (Series s : series) {
            if (s.signal() == kind && index < s.samples().size()) {
                SeriesValues.Sample sample = s.samples().get(index);
                if (sample.value() != null || sample.insufficient()) {
                    result.add(new Observation(s.labels(), sample.value(), sample.insufficient(), null));
                }
            }
        }
        return result;
    }

    private static Duration duration(@Nullable Object value) {
        return RuleDurations.parse(String.valueOf(value)).orElseThrow(
                () -> new IllegalArgumentException("\"" + value + "\" is not a duration (e.g. 5m)"));
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static Map<?, ?> map(@Nullable Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("each " + what + " is a mapping");
    }

    private static Map<String, String> strings(@Nullable Object value) {
        Map<String, String> result = new TreeMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }
}
