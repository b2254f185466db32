package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * A firing alert keeps firing for {@code keepFiringFor} after its condition was last seen, so that a short
 * recovery between two failures does not resolve it and page again.
 */
public record HoldDown(Duration keepFiringFor) {

    public boolean keepFiring(Instant lastActiveAt, Instant now) {
        return now.isBefore(lastActiveAt.plus(keepFiringFor));
    }
}
