package io.iocmonitor.telemetry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A collector's heartbeat, or its last will ({@code status=offline}, {@code ts} = when it arrived).
 *
 * @param queueDepth events in the collector's disk queue, not yet acknowledged by the broker; optional
 * @param dropped    events the collector's disk queue has discarded at its cap, cumulative over its runs (0 again
 *                   only if its queue folder was wiped); optional
 */
public record HeartbeatEvent(String id, Instant ts, String province, String commune, String collector,
        String version, CollectorStatus status, @Nullable Long queueDepth, @Nullable Long dropped)
        implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.HEARTBEAT;
    }
}
