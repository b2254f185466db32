package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one rule file. Every problem becomes a message a person can act on, naming the file, the rule and the
 * field: {@code alert-rules/province.yaml: rule "online-rate-low": field "for": "5 minutes" is not a duration
 * (e.g. 5m)}. A rule with a problem is left out; the others of the file are kept in the result, but callers treat a
 * file with any problem as invalid (see {@link RuleSetLoader}).
 */
public final class RuleFileParser {

    private static final Set<String> FIELDS = Set.of("name", "signal", "window", "scope", "match", "condition",
            "recovery", "for", "keep-firing-for", "every", "severity", "labels", "summary", "runbook");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");

    public record Result(List<Rule> rules, List<String> errors) {
    }

    private RuleFileParser() {
    }

    public static Result parse(String file, String yaml) {
        List<String> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            errors.add(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
            return new Result(rules, errors);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> list)) {
            errors.add(file + ": expected a top-level \"rules:\" list");
            return new Result(rules, errors);
        }
        for (Object key : top.keySet()) {
            if (!"rules".equals(key)) {
                errors.add(file + ": unknown top-level field \"" + key + "\" (only \"rules\")");
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            RuleReader reader = new RuleReader(file, i, list.get(i), errors);
            Rule rule = reader.read();
            if (rule != null && !names.add(rule.name())) {
                errors.add(file + ": rule \"" + rule.name() + "\": the name is used twice in this file");
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        return new Result(rules, errors);
    }

    /** Reads one entry of {@code rules:}, adding a message per problem. */
    private static final class RuleReader {

        private final String file;
        private final Map<?, ?> fields;
        private final List<String> errors;
        private final int errorsBefore;
        private String where;

        RuleReader(String file, int index, @Nullable Object entry, List<String> errors) {
            this.file = file;
            this.errors = errors;
            this.errorsBefore = errors.size();
            this.fields = entry instanceof Map<?, ?> m ? m : Map.of();
            this.where = file + ": rule #" + (index + 1);
            if (!(entry instanceof Map<?, ?>)) {
                error(null, "expected a mapping with name, signal, condition, …");
            }
        }

        @Nullable Rule read() {
            String name = text("name", null);
            if (name != null) {
                if (NAME.matcher(name).matches()) {
                    where = file + ": rule \"" + name + "\"";
                } else {
                    error("name", "\"" + name + "\" is not a rule name (lower-case letters, digits and '-')");
                }
            }
            for (Object key : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    error(String.valueOf(key), "unknown field (known: " + String.join(", ",
                            FIELDS.stream().sorted().toList()) + ")");
                }
            }
            SignalKind signal = signal();
            Duration window = duration("window", signal == null ? Duration.ZERO : signal.defaultWindow());
            RuleScope scope = scope();
            Map<String, Pattern> match = match();
            Threshold condition = threshold("condition", true);
            Threshold recovery = threshold("recovery", false);
            if (condition != null && recovery == null) {
                recovery = condition.negated();
            } else if (condition != null && !condition.isSeparatedFrom(recovery)) {
                error("recovery", "\"" + recovery + "\" overlaps the condition \"" + condition + "\" (a recovery "
                        + "points the other way, e.g. condition \"< 0.80\", recovery \">= 0.82\")");
            }
            Duration forDuration = duration("for", Duration.ZERO);
            Duration keepFiringFor = duration("keep-firing-for", Duration.ZERO);
            Duration every = fields.containsKey("every") ? duration("every", Duration.ZERO) : null;
            if (every != null && every.isZero()) {
                error("every", "must be longer than 0");
            }
            Severity severity = severity();
            Map<String, String> labels = stringMap("labels");
            if (labels.containsKey("province") || labels.containsKey("severity")) {
                error("labels", "\"province\" and \"severity\" are set by the rule itself");
            }
            Text summary = text2("summary");
            Text runbook = text2("runbook");
            if (errors.size() > errorsBefore || name == null || signal == null || condition == null
                    || severity == null || summary == null || runbook == null || recovery == null) {
                return null;
            }
            return new Rule(name, file, signal, window, scope, match, condition, recovery, forDuration,
                    keepFiringFor, every, severity, labels, summary, runbook);
        }

        private void error(@Nullable String field, String problem) {
            errors.add(where + (field == null ? "" : ": field \"" + field + "\"") + ": " + problem);
        }

        private @Nullable String text(String field, @Nullable String fallback) {
            Object v = fields.get(field);
            if (v == null) {
                if (fallback == null) {
                    error(field, "is required");
                }
                return fallback;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                error(field, "expected a single value");
                return fallback;
            }
            return String.valueOf(v);
        }

        private @Nullable SignalKind signal() {
            String s = text("signal", null);
            if (s == null) {
                return null;
            }
            Optional<SignalKind> kind = SignalKind.fromWire(s);
            if (kind.isEmpty()) {
                error("signal", "\"" + s + "\" is not a known signal (known: " + SignalKind.known() + ")");
            }
            return kind.orElse(null);
        }

        private Duration duration(String field, Duration fallback) {
            if (!fields.containsKey(field)) {
                return fallback;
            }
            String s = String.valueOf(fields.get(field));
            Optional<Duration> d = RuleDurations.parse(s);
            if (d.isEmpty()) {
                error(field, "\"" + s + "\" is not a duration (e.g. 5m)");
            }
            return d.orElse(fallback);
        }

        private @Nullable Threshold threshold(String field, boolean required) {
            if (!fields.containsKey(field)) {
                if (required) {
                    error(field, "is required (e.g. \"< 0.80\")");
                }
                return null;
            }
            String s = String.valueOf(fields.get(field));
            Optional<Threshold> t = Threshold.parse(s);
            if (t.isEmpty()) {
                error(field, "\"" + s + "\" is not a comparison with a number (e.g. \"< 0.80\", \">= 900\")");
            }
            return t.orElse(null);
        }

        private @Nullable Severity severity() {
            String s = text("severity", null);
            if (s == null) {
                return null;
            }
            Optional<Severity> severity = Severity.fromWire(s);
            if (severity.isEmpty()) {
                error("severity", "\"" + s + "\" is not a severity (critical, major, minor, warning, info)");
            }
            return severity.orElse(null);
        }

        private RuleScope scope() {
            Object v = fields.get("scope");
            if (v == null || "each-province".equals(v)) {
                return RuleScope.of(RuleScope.Kind.EACH_PROVINCE);
            }
            if ("national".equals(v)) {
                return RuleScope.of(RuleScope.Kind.NATIONAL);
            }
            if ("each-commune".equals(v)) {
                return RuleScope.of(RuleScope.Kind.EACH_COMMUNE);
            }
            if (v instanceof Map<?, ?> m && m.size() == 1 && m.get("provinces") instanceof List<?> codes) {
                return new RuleScope(RuleScope.Kind.PROVINCES, codes("provinces", codes, PROVINCE));
            }
            if (v instanceof Map<?, ?> m && m.size() == 1 && m.get("communes") instanceof List<?> codes) {
                return new RuleScope(RuleScope.Kind.COMMUNES, codes("communes", codes, COMMUNE));
            }
            error("scope", "\"" + v + "\" is not a scope (national, each-province, each-commune, "
                    + "{provinces: [\"01\", \"79\"]} or {communes: [\"00004\"]})");
            return RuleScope.of(RuleScope.Kind.EACH_PROVINCE);
        }

        private Set<String> codes(String kind, List<?> codes, Pattern shape) {
            Set<String> result = new HashSet<>();
            for (Object c : codes) {
                String code = String.valueOf(c);
                if (!shape.matcher(code).matches()) {
                    error("scope", kind + ": \"" + code + "\" is not a code (write it quoted, e.g. \"01\")");
                }
                result.add(code);
            }
            return result;
        }

        private Map<String, Pattern> match() {
            Map<String, Pattern> result = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : stringMap("match").entrySet()) {
                try {
                    result.put(e.getKey(), Pattern.compile(e.getValue()));
                } catch (PatternSyntaxException x) {
                    error("match", e.getKey() + ": \"" + e.getValue() + "\" is not a regular expression: "
                            + x.getDescription());
                }
            }
            return result;
        }

        private Map<String, String> stringMap(String field) {
            Object v = fields.get(field);
            Map<String, String> result = new LinkedHashMap<>();
            if (v == null) {
                return result;
            }
            if (!(v instanceof Map<?, ?> m)) {
                error(field, "expected a mapping of names to values");
                return result;
            }
            m.forEach((k, x) -> result.put(String.valueOf(k), String.valueOf(x)));
            return result;
        }

        private @Nullable Text text2(String field) {
            Object v = fields.get(field);
            if (v instanceof Map<?, ?> m && m.get("vi") instanceof String vi && m.get("en") instanceof String en
                    && m.size() == 2) {
                return new Text(vi, en);
            }
            error(field, v == null ? "is required (vi: …, en: …)" : "expected exactly \"vi\" and \"en\" texts");
            return null;
        }
    }
}
