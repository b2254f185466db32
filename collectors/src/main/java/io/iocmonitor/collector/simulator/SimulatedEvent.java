package io.iocmonitor.collector.simulator;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** An event the simulator has made, with the topic it goes to and the time it happens at. */
record SimulatedEvent(Instant ts, String topic, ObjectNode body) {
}
