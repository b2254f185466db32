package io.iocmonitor.collector.agent;

import java.time.Duration;
import java.util.List;

import io.iocmonitor.collector.source.EventSink;
import io.iocmonitor.collector.source.PeriodicSource;
import io.iocmonitor.collector.source.SourceContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The collector's liveness (SPEC §4 {@code heartbeat}): an {@code online} event at every interval, through the disk
 * queue like every other event, and the {@code offline} event the broker publishes as the last will when the
 * collector's connection drops. Heartbeats also carry the queue's depth and the events dropped at its cap, so that the
 * centre sees a collector that is losing data.
 */
final class Heartbeat extends PeriodicSource {

    static final String VERSION = version();

    private final String collector;
    private final SourceContext context;
    private final CollectorMetrics metrics;

    Heartbeat(String collector, Duration interval, SourceContext context, CollectorMetrics metrics) {
        super("heartbeat", interval);
        this.collector = collector;
        this.context = context;
        this.metrics = metrics;
    }

    @Override
    public void poll(EventSink sink) throws Exception {
        ObjectNode event = event("online");
        event.put("queueDepth", metrics.queueDepth());
        event.put("dropped", metrics.dropped());
        sink.append(List.of(context.queued("heartbeat", event)));
    }

    String topic() {
        return context.site().topic("heartbeat");
    }

    /**
     * The last will, made anew at each connection (its own id). Its {@code ts} can only be the time of the
     * connection; the server stores an offline heartbeat with its arrival, when the broker published it.
     */
    byte[] offlineWill() {
        return context.json().writeValueAsBytes(event("offline"));
    }

    private ObjectNode event(String status) {
        ObjectNode event = context.newEvent(context.clock().instant());
        event.put("collector", collector);
        event.put("version", VERSION);
        event.put("status", status);
        return event;
    }

    private static String version() {
        String version = Heartbeat.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
