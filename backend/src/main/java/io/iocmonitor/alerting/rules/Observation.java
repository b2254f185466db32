package io.iocmonitor.alerting.rules;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One value of a signal at evaluation time, for one scope or site.
 *
 * @param labels       where it was observed: {@code province} (absent for national), {@code commune}, for sites
 *                     also {@code target} and {@code target_type}
 * @param value        {@code null} when there is nothing to compare (a zero denominator)
 * @param insufficient a rate whose sample is below the minimum: never fires, never resolves
 * @param evidence     where a person sees the figure behind it (a dashboard view and an API path), if anywhere
 */
public record Observation(Map<String, String> labels, @Nullable Double value, boolean insufficient,
        @Nullable Evidence evidence) {

    public Observation {
        labels = Map.copyOf(labels);
    }

    public static Observation of(Map<String, String> labels, double value) {
        return new Observation(labels, value, false, null);
    }

    public @Nullable String province() {
        return labels.get("province");
    }

    /** A value that may be compared with a threshold. */
    public boolean isComparable() {
        return value != null && !insufficient;
    }
}
