package io.iocmonitor.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.alerting.rules.Text;

/**
 * One alert: a rule's trouble in one province (or the nation) from the moment its condition began to hold.
 *
 * @param labels    the rule's labels, {@code severity} and {@code province} where it has one
 * @param members   the communes or sites in trouble (the last seen, kept after recovery)
 * @param value     the worst value among them
 * @param evidence  where the figure behind it is shown: the dashboard view and the API path
 * @param startsAt  when the condition began to hold
 * @param firedAt   when it fired; {@code null} while pending
 * @param endsAt    when it resolved; {@code null} while open
 * @param resolvedBy the operator who resolved it by hand, if one did
 */
public record Alert(long id, String rule, AlertState state, Severity severity, @Nullable String province,
        Map<String, String> labels, List<Member> members, @Nullable Double value, Text summary,
        @Nullable Evidence evidence, Instant startsAt, @Nullable Instant firedAt, @Nullable Instant endsAt,
        @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt, @Nullable String assignee,
        @Nullable String resolvedBy) {

    /** A commune or site of the alert's group, e.g. {@code commune=01001 target=portal}, with its value. */
    public record Member(String key, @Nullable Double value) {
    }

    /** The labels silences match against: the alert's labels and its rule's name as {@code rule}. */
    public Map<String, String> matchableLabels() {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("rule", rule);
        return all;
    }
}
