package io.iocmonitor.telemetry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One network or service probe result from a site.
 *
 * @param target    id of what was probed
 * @param signalDbm 4G signal, where a modem reports it
 */
public record ProbeEvent(String id, Instant ts, String province, String commune, String target,
        ProbeTargetType targetType, ProbeMethod method, boolean up, @Nullable Long latencyMs,
        @Nullable Long signalDbm) implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.PROBE;
    }
}
