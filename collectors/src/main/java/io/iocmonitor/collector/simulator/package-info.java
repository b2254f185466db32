/**
 * The demo's telemetry simulator: realistic dossier life-cycles for every province, at office-hour rhythms,
 * published over MQTT like a real collector's.
 */
@NullMarked
package io.iocmonitor.collector.simulator;

import org.jspecify.annotations.NullMarked;
