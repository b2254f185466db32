package io.iocmonitor.alerting.rules;

import java.util.Locale;

/** An alert's life-cycle: pending (condition holds, not yet for long enough) → firing → resolved. */
public enum AlertState {
    PENDING, FIRING, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
