package io.iocmonitor.telemetry;

/** How a dossier was submitted: online through the public-service portal, or at the desk / by post. */
public enum Channel {
    ONLINE, OFFLINE
}
