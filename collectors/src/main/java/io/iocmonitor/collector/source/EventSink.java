package io.iocmonitor.collector.source;

import java.io.IOException;
import java.util.List;

import io.iocmonitor.collector.queue.QueuedEvent;

/** Where sources put their events: the disk queue. */
public interface EventSink {

    /** Stores the events, in order; returns once they are durable, so the caller may move its cursor on. */
    void append(List<QueuedEvent> events) throws IOException;
}
