/**
 * The wire contract of SPEC §4: topics, event records, JSON parsing and validation. Pure Java, no Spring:
 * what is rejected here becomes a dead letter with the reason given.
 */
@NullMarked
package io.iocmonitor.telemetry;

import org.jspecify.annotations.NullMarked;
