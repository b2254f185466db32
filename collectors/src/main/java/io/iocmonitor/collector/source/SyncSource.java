package io.iocmonitor.collector.source;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** The portal synchronisation monitor: each poll makes one {@code sync} event (pending, failed, lag). */
final class SyncSource extends PeriodicSource {

    private final String system;
    private final SyncReader reader;
    private final SourceContext context;

    SyncSource(String name, Duration interval, String system, SyncReader reader, SourceContext context) {
        super(name, interval);
        this.system = system;
        this.reader = reader;
        this.context = context;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        SyncReading reading = reader.read();
        ObjectNode event = context.newEvent(context.clock().instant());
        event.put("system", system);
        event.put("pending", reading.pending());
        event.put("failed", reading.failed());
        event.put("lagSeconds", reading.lagSeconds());
        sink.append(List.of(context.queued("sync", event)));
    }
}
