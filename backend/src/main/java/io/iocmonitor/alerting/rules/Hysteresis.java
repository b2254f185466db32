package io.iocmonitor.alerting.rules;

import org.jspecify.annotations.Nullable;

/**
 * Whether one observed scope or site is in trouble, with a separate recovery condition so that a value hovering
 * around the threshold does not flap: once in trouble it stays so until the recovery condition holds. A value
 * that cannot be compared (insufficient data, nothing to divide) changes nothing: it neither starts trouble nor
 * ends it. A scope that is no longer observed at all (an outage that closed) is well again.
 */
public record Hysteresis(Threshold condition, Threshold recovery) {

    public boolean inTrouble(boolean wasInTrouble, @Nullable Observation observation) {
        if (observation == null) {
            return false;
        }
        if (!observation.isComparable()) {
            return wasInTrouble;
        }
        double v = observation.value();
        return wasInTrouble ? !recovery.holds(v) : condition.holds(v);
    }
}
