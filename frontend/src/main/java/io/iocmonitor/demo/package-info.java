/**
 * The demo wiring (SPEC §9): with no {@code spring.datasource.url} an embedded PostgreSQL, with no
 * {@code ioc.mqtt.url} an in-process MQTT 5 broker and the telemetry simulator.
 */
@NullMarked
package io.iocmonitor.demo;

import org.jspecify.annotations.NullMarked;
