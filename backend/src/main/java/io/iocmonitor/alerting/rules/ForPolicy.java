package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.time.Instant;

/** An alert fires once its condition has held without a break for {@code forDuration}; pending until then. */
public record ForPolicy(Duration forDuration) {

    public boolean shouldFire(Instant activeSince, Instant now) {
        return !now.isBefore(activeSince.plus(forDuration));
    }
}
