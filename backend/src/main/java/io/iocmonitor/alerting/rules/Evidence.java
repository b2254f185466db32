package io.iocmonitor.alerting.rules;

import org.jspecify.annotations.Nullable;

/**
 * Where a person, or a program, finds the figure behind an alert.
 *
 * @param view the dashboard view that draws it, e.g. {@code /province/01?period=today&show=outages}
 * @param api  the REST query that returns it, e.g. {@code /api/v1/outages?from=…&to=…&province=01}
 */
public record Evidence(@Nullable String view, @Nullable String api) {

    /** {@code null} when there is neither: alerts stored before views were linked may have only the API path. */
    public static @Nullable Evidence of(@Nullable String view, @Nullable String api) {
        return view == null && api == null ? null : new Evidence(view, api);
    }
}
