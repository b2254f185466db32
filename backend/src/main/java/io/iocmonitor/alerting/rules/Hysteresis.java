package io.iocmonitor.alerting.rules;

import org.jspecify.annotations.Nullable;

/**
 * Whether one observed scope or site is in trouble, with a separate recovery condition so that a value hovering
 * around the threshold does not flap: once in trouble it stays so until the recovery condition holds. A value
 * that cannot be compared (insufficient data, nothing to divide) changes nothing: it neither starts trouble nor
 * ends it. A scope that is no longer observed at all is well again where the signal is observed only while
 * something is wrong (an outage that closed: {@link SignalKind#absentMeansWell()}); for the others its absence is
 * missing data, which changes nothing either.
 */
public record Hysteresis(Threshold condition, Threshold recovery) {

    public boolean inTrouble(boolean wasInTrouble, @Nullable Observation observation) {
        return inTrouble(wasInTrouble, observation, true);
    }

    public boolean inTrouble(boolean wasInTrouble, @Nullable Observation observation, boolean absentMeansWell) {
        if (observation == null) {
            return !absentMeansWell && wasInTrouble;
        }
        if (!observation.isComparable()) {
            return wasInTrouble;
        }
        double v = observation.value();
        return wasInTrouble ? !recovery.holds(v) : condition.holds(v);
    }
}
