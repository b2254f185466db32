package io.iocmonitor.collector.source;

/** The synchronisation state between a provincial system and the National Public Service Portal at one moment. */
record SyncReading(long pending, long failed, long lagSeconds) {
}
