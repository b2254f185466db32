package io.iocmonitor.telemetry;

import java.time.Instant;

/** A message or batch element ingestion refused, as kept for operators. */
public record DeadLetter(long id, Instant receivedAt, String topic, String reason, String payload) {
}
