package io.iocmonitor.ingest;

import io.iocmonitor.telemetry.ParsedMessage;

/**
 * One MQTT message, already parsed on the receiving thread (so that parsing overlaps the writer's database work),
 * waiting for its batch to be committed before it is acknowledged.
 *
 * @param sequence its place in the arrival order ({@link OrderedAcks})
 */
record InboundMessage(ParsedMessage parsed, int messageId, int qos, long sequence) {
}
