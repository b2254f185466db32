package io.iocmonitor.telemetry;

/** How a dossier's fee was paid; {@code NONE} means the procedure has no fee. */
public enum Payment {
    ONLINE, OFFLINE, NONE
}
