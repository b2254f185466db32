package io.iocmonitor.telemetry;

/**
 * A message, or one element of a batch, refused by validation.
 *
 * @param payload the raw message or element, truncated to {@link TelemetryParser#MAX_DEAD_LETTER_PAYLOAD} characters
 * @param reason  what is wrong, naming the field: the text an operator reads
 * @param kind    the class of fault, for metrics
 */
public record Rejection(String topic, String payload, String reason, RejectReason kind) {
}
