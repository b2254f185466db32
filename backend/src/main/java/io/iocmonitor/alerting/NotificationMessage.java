package io.iocmonitor.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Text;

/**
 * What a channel sends: one transition of one alert.
 *
 * @param notificationId unique per alert, transition and channel: receivers may use it to drop a repeat
 * @param transition     {@code firing} or {@code resolved}
 * @param runbook        the rule's runbook, if the rule is still in force
 */
record NotificationMessage(long notificationId, String transition, Alert alert, @Nullable Text runbook) {

    /** The JSON body of the webhook; field names are part of the product's interface (alert-rules/README.md). */
    Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notificationId);
        body.put("status", transition);
        body.put("alert", AlertJson.of(alert));
        body.put("summary", Map.of("vi", alert.summary().vi(), "en", alert.summary().en()));
        body.put("runbook", runbook == null ? null : Map.of("vi", runbook.vi(), "en", runbook.en()));
        return body;
    }

    String subject() {
        return "[" + transition.toUpperCase(java.util.Locale.ROOT) + " " + alert.severity().wireName() + "] "
                + alert.summary().vi();
    }

    /** Plain-text e-mail: Vietnamese first, then English, the communes, the links to the figures and the runbook. */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append(alert.summary().vi()).append('\n').append(alert.summary().en()).append("\n\n");
        b.append("rule: ").append(alert.rule()).append('\n');
        b.append("state: ").append(transition).append('\n');
        b.append("labels: ").append(alert.labels()).append('\n');
        b.append("since: ").append(alert.startsAt()).append('\n');
        if (alert.endsAt() != null) {
            b.append("ended: ").append(alert.endsAt()).append('\n');
        }
        if (!alert.members().isEmpty()) {
            b.append("communes / sites:\n");
            alert.members().forEach(m -> b.append("  - ").append(m.key()).append('\n'));
        }
        Evidence evidence = alert.evidence();
        if (evidence != null && evidence.view() != null) {
            b.append("dashboard: ").append(evidence.view()).append('\n');
        }
        if (evidence != null && evidence.api() != null) {
            b.append("evidence: ").append(evidence.api()).append('\n');
        }
        if (runbook != null) {
            b.append("\n").append(runbook.vi()).append('\n').append(runbook.en()).append('\n');
        }
        return b.toString();
    }
}
