package io.iocmonitor.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * A maintenance window: alerts whose labels match every matcher (label → exact value; {@code rule} matches the
 * rule's name) are not notified between {@code startsAt} and {@code endsAt}. They still show in the console.
 */
public record Silence(long id, Map<String, String> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant createdAt) {

    public boolean isActive(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean matches(Alert alert) {
        Map<String, String> labels = alert.matchableLabels();
        return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
    }
}
