package io.iocmonitor.alerting.rules;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where an open alert (one rule, one group) stands in its life-cycle.
 *
 * @param activeSince  when its condition began to hold (the alert's {@code startsAt})
 * @param firedAt      when it fired; {@code null} while pending
 * @param lastActiveAt the last evaluation at which its condition held
 * @param members      the communes or sites of the group in trouble now (empty during hold-down)
 */
public record AlertTrack(AlertState state, Instant activeSince, @Nullable Instant firedAt, Instant lastActiveAt,
        Set<String> members) {

    public AlertTrack {
        members = Set.copyOf(members);
    }
}
