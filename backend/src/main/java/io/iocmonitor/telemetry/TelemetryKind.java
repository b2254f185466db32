package io.iocmonitor.telemetry;

import java.util.Arrays;
import java.util.Optional;

/** The {@code {kind}} segment of a telemetry topic. */
public enum TelemetryKind {
    DOSSIER("dossier"),
    VNEID("vneid"),
    PROBE("probe"),
    SYNC("sync"),
    HEARTBEAT("heartbeat");

    private final String wireName;

    TelemetryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TelemetryKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
