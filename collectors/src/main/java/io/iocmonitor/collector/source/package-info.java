/**
 * What a collector watches: the administrative-procedure system, VNeID logins, network probes, portal
 * synchronisation. Each source turns what it sees into SPEC §4 events and hands them to an {@link
 * io.iocmonitor.collector.source.EventSink}.
 */
@NullMarked
package io.iocmonitor.collector.source;

import org.jspecify.annotations.NullMarked;
