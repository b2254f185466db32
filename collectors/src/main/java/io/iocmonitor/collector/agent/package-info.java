/**
 * The collector agent: its main, configuration, MQTT forwarding from the disk queue, heartbeat and metrics.
 */
@NullMarked
package io.iocmonitor.collector.agent;

import org.jspecify.annotations.NullMarked;
