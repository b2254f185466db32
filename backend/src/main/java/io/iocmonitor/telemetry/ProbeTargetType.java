package io.iocmonitor.telemetry;

/** What a probe watched; on the wire in lower case with hyphens ({@code provincial-system}). */
public enum ProbeTargetType {
    PORTAL, PROVINCIAL_SYSTEM, VNEID, INTERNET, DATABASE
}
