package io.iocmonitor.telemetry;

import java.time.Instant;

/** A collector's heartbeat, or its last will ({@code status=offline}, {@code ts} = when it arrived). */
public record HeartbeatEvent(String id, Instant ts, String province, String commune, String collector,
        String version, CollectorStatus status) implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.HEARTBEAT;
    }
}
