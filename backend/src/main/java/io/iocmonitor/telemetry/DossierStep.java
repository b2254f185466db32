package io.iocmonitor.telemetry;

/** Life-cycle step of a dossier (hồ sơ): {@code received}, {@code completed} or {@code cancelled}. */
public enum DossierStep {
    RECEIVED, COMPLETED, CANCELLED
}
