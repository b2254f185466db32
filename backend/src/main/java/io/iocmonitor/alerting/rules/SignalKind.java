package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a rule watches: a KPI of SPEC §5 or an operational signal. Each has a value per scope (national, province,
 * commune) or per site, and a default look-back window (what {@code window} means is said per kind).
 */
public enum SignalKind {
    /** Completed dossiers fully online ÷ completed, over the window (a rate: minimum sample applies). */
    FULL_PROCESS_ONLINE_RATE("full-process-online-rate", true, Duration.ofDays(30)),
    /** Completed on time ÷ completed, over the window (a rate). */
    ON_TIME_RATE("on-time-rate", true, Duration.ofDays(30)),
    /** Open dossiers whose legal deadline passed more than {@code window} ago (a count). */
    OVERDUE_OPEN("overdue-open", false, Duration.ofDays(7)),
    /** VNeID logins ok ÷ attempts over the window (a rate). */
    VNEID_SUCCESS_RATE("vneid-success-rate", true, Duration.ofMinutes(15)),
    /** p95 latency of ok VNeID logins over the window, in milliseconds. */
    VNEID_P95_LATENCY_MS("vneid-p95-latency-ms", false, Duration.ofMinutes(15)),
    /** Per site and probe target: seconds the target has been down (open probe outage); no value when up. */
    PROBE_OUTAGE_SECONDS("probe-outage-seconds", false, Duration.ofDays(1)),
    /** Per site: seconds its collector has been silent (open silent outage); no value while it reports. */
    COLLECTOR_SILENT_SECONDS("collector-silent-seconds", false, Duration.ofDays(1)),
    /**
     * Per site and collector (label {@code collector}): events its disk queue discarded at its cap, the growth of
     * the heartbeats' cumulative {@code dropped} among the heartbeats that arrived within the window; no value while
     * the count stands still.
     */
    COLLECTOR_DROPPED_EVENTS("collector-dropped-events", false, Duration.ofHours(1)),
    /** Rejected messages ÷ all messages (stored events + dead letters) over the window (a rate). */
    DEAD_LETTER_RATE("dead-letter-rate", true, Duration.ofHours(1)),
    /** Per system (label {@code system}): the latest reported sync lag to the national portal, in seconds. */
    SYNC_LAG_SECONDS("sync-lag-seconds", false, Duration.ZERO),
    /** Age of the newest event of any site, in seconds (data freshness), per province or national. */
    DATA_AGE_SECONDS("data-age-seconds", false, Duration.ZERO),
    /**
     * How far the full-process online rate lags the trajectory to its target date: the monthly gain needed minus
     * the last month's gain, in rate points per month (&gt; 0: behind; 0 once the target is met; after the date,
     * the distance to the target). Over the last 30 days; the window is not used.
     */
    ONLINE_RATE_TRAJECTORY_GAP("online-rate-trajectory-gap", false, Duration.ZERO);

    private final String wireName;

    /**
     * Whether the signal has a value only while something is wrong (an open outage, overdue dossiers), so that a
     * scope no longer observed is well. For the others (rates, latencies, lags) a missing value is missing data: a
     * province whose VNeID events stop arriving has not recovered.
     */
    public boolean absentMeansWell() {
        return this == OVERDUE_OPEN || this == PROBE_OUTAGE_SECONDS || this == COLLECTOR_SILENT_SECONDS
                || this == COLLECTOR_DROPPED_EVENTS;
    }
    private final boolean rate;
    private final Duration defaultWindow;

    SignalKind(String wireName, boolean rate, Duration defaultWindow) {
        this.wireName = wireName;
        this.rate = rate;
        this.defaultWindow = defaultWindow;
    }

    public String wireName() {
        return wireName;
    }

    /** Rates carry a sample size; below the minimum sample they are "insufficient data" and never fire. */
    public boolean isRate() {
        return rate;
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }

    public static Optional<SignalKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(SignalKind::wireName).collect(Collectors.joining(", "));
    }
}
