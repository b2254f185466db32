package io.iocmonitor.collector.source;

/** Where a synchronisation state is read from. */
interface SyncReader {

    SyncReading read() throws Exception;
}
