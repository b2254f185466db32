package io.iocmonitor.telemetry;

/** A message or batch element that breaks the wire contract; the message is the reason an operator reads. */
public class InvalidTelemetryException extends RuntimeException {

    private final RejectReason reason;

    public InvalidTelemetryException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
