package io.iocmonitor.ingest;

/** One MQTT message as received, waiting for its batch to be committed before it is acknowledged. */
record InboundMessage(String topic, byte[] payload, int messageId, int qos) {
}
