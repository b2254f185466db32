package io.iocmonitor.store;

import java.util.List;
import java.util.Map;

import io.iocmonitor.telemetry.TelemetryEvent;
import io.iocmonitor.telemetry.TelemetryKind;

/**
 * What one committed batch changed.
 *
 * @param stored     events stored for the first time
 * @param duplicates per kind, events whose id had been stored before (or came twice in the batch)
 * @param rejected   dead letters written
 */
public record WriteResult(List<TelemetryEvent> stored, Map<TelemetryKind, Integer> duplicates, int rejected) {
}
