package io.iocmonitor.alerting;

/** A read-only user (leader, inspector) tried to act on alerts or silences. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
