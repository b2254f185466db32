package io.iocmonitor.telemetry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A VNeID (national e-ID) login attempt seen by a synthetic probe or in shipped logs. */
public record VneidEvent(String id, Instant ts, String province, String commune, VneidResult result, long latencyMs,
        @Nullable String errorCode) implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.VNEID;
    }
}
