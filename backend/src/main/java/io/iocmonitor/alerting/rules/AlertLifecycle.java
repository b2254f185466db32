package io.iocmonitor.alerting.rules;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The life-cycle of one alert (one rule, one group) from one evaluation to the next: pending → firing → resolved,
 * by the {@link ForPolicy} and the {@link HoldDown}. A pending alert whose condition stops holding is dropped (it
 * never fired, so nobody was told). A resolved alert is history: the next trouble opens a new one.
 */
public record AlertLifecycle(ForPolicy forPolicy, HoldDown holdDown) {

    public enum Transition {
        NONE, PENDING, FIRING, RESOLVED, DROPPED
    }

    /** @param next the alert afterwards: {@code null} when there is none, else pending, firing or resolved */
    public record Step(@Nullable AlertTrack next, Transition transition) {
    }

    public Step step(@Nullable AlertTrack previous, boolean active, Set<String> members, Instant now) {
        if (previous == null || previous.state() == AlertState.RESOLVED) {
            if (!active) {
                return new Step(null, Transition.NONE);
            }
            if (forPolicy.shouldFire(now, now)) {
                return new Step(new AlertTrack(AlertState.FIRING, now, now, now, members), Transition.FIRING);
            }
            return new Step(new AlertTrack(AlertState.PENDING, now, null, now, members), Transition.PENDING);
        }
        if (previous.state() == AlertState.PENDING) {
            if (!active) {
                return new Step(null, Transition.DROPPED);
            }
            if (forPolicy.shouldFire(previous.activeSince(), now)) {
                return new Step(new AlertTrack(AlertState.FIRING, previous.activeSince(), now, now, members),
                        Transition.FIRING);
            }
            return new Step(new AlertTrack(AlertState.PENDING, previous.activeSince(), null, now, members),
                    Transition.NONE);
        }
        if (active) {
            return new Step(new AlertTrack(AlertState.FIRING, previous.activeSince(), previous.firedAt(), now,
                    members), Transition.NONE);
        }
        if (holdDown.keepFiring(previous.lastActiveAt(), now)) {
            return new Step(new AlertTrack(AlertState.FIRING, previous.activeSince(), previous.firedAt(),
                    previous.lastActiveAt(), Set.of()), Transition.NONE);
        }
        return new Step(new AlertTrack(AlertState.RESOLVED, previous.activeSince(), previous.firedAt(),
                previous.lastActiveAt(), Set.of()), Transition.RESOLVED);
    }
}
