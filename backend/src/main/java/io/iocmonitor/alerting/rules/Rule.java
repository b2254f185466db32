package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One alert rule, as a rule file declares it (format: {@code alert-rules/README.md}).
 *
 * @param file          the file it came from, as error messages name it (e.g. {@code alert-rules/dossiers.yaml})
 * @param window        how far back the signal looks (its meaning per {@link SignalKind})
 * @param match         regular expressions the observation's labels must match (e.g. {@code target_type})
 * @param condition     when an observation is in trouble
 * @param recovery      when an observation in trouble is well again (hysteresis: stricter than not-condition)
 * @param forDuration   how long the condition must hold before the alert fires (pending until then)
 * @param keepFiringFor after recovery, how long the alert keeps firing (hold-down against flapping)
 * @param every         how often it is evaluated; {@code null}: the server's evaluation interval
 */
public record Rule(String name, String file, SignalKind signal, Duration window, RuleScope scope,
        Map<String, Pattern> match, Threshold condition, Threshold recovery, Duration forDuration,
        Duration keepFiringFor, @Nullable Duration every, Severity severity, Map<String, String> labels,
        Text summary, Text runbook) {

    public Rule {
        match = Map.copyOf(match);
        labels = Map.copyOf(labels);
    }

    /** Whether an observation is one this rule looks at (scope and label matchers). */
    public boolean selects(Observation o) {
        if (!scope.includes(o)) {
            return false;
        }
        for (Map.Entry<String, Pattern> m : match.entrySet()) {
            String v = o.labels().get(m.getKey());
            if (v == null || !m.getValue().matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    public Hysteresis hysteresis() {
        return new Hysteresis(condition, recovery);
    }

    public AlertLifecycle lifecycle() {
        return new AlertLifecycle(new ForPolicy(forDuration), new HoldDown(keepFiringFor));
    }
}
