package io.iocmonitor.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

import io.iocmonitor.alerting.rules.Evidence;

/** An alert as JSON, with the fields of SPEC §8 first ({@code GET /api/v1/alerts}, webhooks). */
public final class AlertJson {

    private AlertJson() {
    }

    public static Map<String, Object> of(Alert a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id());
        row.put("rule", a.rule());
        row.put("severity", a.severity().wireName());
        row.put("state", a.state().wireName());
        row.put("labels", a.labels());
        row.put("startsAt", a.startsAt().toString());
        row.put("endsAt", a.endsAt() == null ? null : a.endsAt().toString());
        row.put("acknowledgedBy", a.acknowledgedBy());
        row.put("assignee", a.assignee());
        row.put("firedAt", a.firedAt() == null ? null : a.firedAt().toString());
        row.put("summary", Map.of("vi", a.summary().vi(), "en", a.summary().en()));
        row.put("value", a.value());
        row.put("members", a.members().stream().map(m -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("key", m.key());
            member.put("value", m.value());
            return member;
        }).toList());
        Evidence evidence = a.evidence();
        row.put("evidence", evidence == null ? null : evidence.api());
        row.put("acknowledgedAt", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
        row.put("resolvedBy", a.resolvedBy());
        // added after "evidence", which stays the API path that receivers already read
        row.put("evidenceView", evidence == null ? null : evidence.view());
        return row;
    }
}
