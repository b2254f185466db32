/**
 * The MQTT subscriber: receives telemetry with QoS 1, batches it, stores each batch in one transaction and
 * acknowledges a message only after the batch holding it is committed.
 */
@NullMarked
package io.iocmonitor.ingest;

import org.jspecify.annotations.NullMarked;
