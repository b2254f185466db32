package io.iocmonitor.telemetry;

import java.time.Instant;

/** What every event of SPEC §4 carries, whatever its kind. */
public sealed interface TelemetryEvent permits DossierEvent, VneidEvent, ProbeEvent, SyncEvent, HeartbeatEvent {

    /** Unique across kinds and provinces; a repeat is a duplicate and changes nothing. */
    String id();

    /** When it happened at the source. */
    Instant ts();

    String province();

    /** The commune of the topic, or {@link Topic#PROVINCE_LEVEL}. */
    String commune();

    TelemetryKind kind();
}
