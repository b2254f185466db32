package io.iocmonitor.alerting;

import java.time.Duration;
import java.time.Instant;

import io.iocmonitor.alerting.rules.RuleScope;
import io.iocmonitor.alerting.rules.SignalKind;

/** What one evaluation asks of a signal: which one, over which window, at which grain, as of when. */
record SignalRequest(SignalKind kind, Duration window, RuleScope.Grain grain, Instant now) {

    Instant windowStart() {
        return now.minus(window);
    }
}
