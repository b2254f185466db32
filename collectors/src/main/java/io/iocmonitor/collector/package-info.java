/** Collectors: programs near the watched systems that publish SPEC §4 telemetry over MQTT. */
@NullMarked
package io.iocmonitor.collector;

import org.jspecify.annotations.NullMarked;
