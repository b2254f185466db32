package io.iocmonitor.telemetry;

import java.time.Instant;

/**
 * The synchronisation state between a provincial system and the National Public Service Portal.
 *
 * @param lagSeconds age of the oldest unsynchronised record
 */
public record SyncEvent(String id, Instant ts, String province, String commune, String system, long pending,
        long failed, long lagSeconds) implements TelemetryEvent {

    @Override
    public TelemetryKind kind() {
        return TelemetryKind.SYNC;
    }
}
