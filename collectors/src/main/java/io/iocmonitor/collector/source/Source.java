package io.iocmonitor.collector.source;

import java.time.Duration;

/** Something a collector looks at periodically. */
public interface Source {

    /** Its name in logs and metrics. */
    String name();

    /** How often it is polled. */
    Duration interval();

    /** Looks once and hands the events it made to the sink; throws if it could not look at all. */
    void poll(EventSink sink) throws Exception;
}
