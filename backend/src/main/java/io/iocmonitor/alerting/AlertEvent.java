package io.iocmonitor.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of an alert's history.
 *
 * @param kind pending, firing, resolved, acknowledged, assigned, commented or resolved-by-hand
 */
public record AlertEvent(Instant at, String kind, @Nullable String actor, @Nullable String text) {
}
