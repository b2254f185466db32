package io.iocmonitor.outage;

import java.util.Locale;

/** Why a site is out: its probes failed, or its collector went silent. */
public enum OutageCause {
    PROBE, SILENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
