package io.iocmonitor.telemetry;

/** A collector's own word on its liveness; {@code offline} is what its MQTT last will says. */
public enum CollectorStatus {
    ONLINE, OFFLINE
}
