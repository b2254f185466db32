package io.iocmonitor.outage;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One outage of a site (province + commune) and target.
 *
 * @param target the probed target, or the collector for a silent outage
 * @param end    {@code null} while it lasts
 */
public record Outage(String province, String commune, String target, OutageCause cause, Instant start,
        @Nullable Instant end) {

    /** How long it lasted, or has lasted until {@code now}. */
    public Duration duration(Instant now) {
        return Duration.between(start, end != null ? end : now);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && (end == null || end.isAfter(from));
    }
}
