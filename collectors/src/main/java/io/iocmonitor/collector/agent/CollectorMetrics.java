package io.iocmonitor.collector.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.iocmonitor.collector.queue.DiskQueue;

/**
 * What the collector has done since it started, for the {@code /metrics} endpoint and the periodic log line.
 * Counters only go up; the queue's depth, size and drops are read from the queue itself.
 */
final class CollectorMetrics {

    private final DiskQueue queue;
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong connected = new AtomicLong();
    private final Map<String, LongAdder> sourceErrors = new ConcurrentHashMap<>();

    CollectorMetrics(DiskQueue queue) {
        this.queue = queue;
    }

    void enqueued(int events) {
        enqueued.add(events);
    }

    void published(int events) {
        published.add(events);
    }

    /** Events the broker refused for good (moved to the dead-letter file). */
    void rejected(int events) {
        rejected.add(events);
    }

    void publishFailed() {
        publishFailures.increment();
    }

    void connected(boolean up) {
        connected.set(up ? 1 : 0);
    }

    void sourceFailed(String source) {
        sourceErrors.computeIfAbsent(source, s -> new LongAdder()).increment();
    }

    long published() {
        return published.sum();
    }

    long publishFailures() {
        return publishFailures.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    long queueDepth() {
        return queue.depth();
    }

    long dropped() {
        return queue.dropped();
    }

    /** The metrics in Prometheus' text exposition format. */
    String prometheus() {
        StringBuilder out = new StringBuilder();
        sample(out, "ioc_collector_queue_events", "gauge",
                "Events in the disk queue, not yet acknowledged by the broker",
                queue.depth());
        sample(out, "ioc_collector_queue_bytes", "gauge", "Bytes of the disk queue's segment files", queue.bytes());
        sample(out, "ioc_collector_events_enqueued_total", "counter", "Events put in the disk queue", enqueued.sum());
        sample(out, "ioc_collector_events_published_total", "counter", "Events acknowledged by the broker (PUBACK)",
                published.sum());
        sample(out, "ioc_collector_events_dropped_total", "counter",
                "Events deleted unsent because the disk queue reached its cap", queue.dropped());
        sample(out, "ioc_collector_events_rejected_total", "counter",
                "Events the broker refused for good, moved to the dead-letter file beside the queue", rejected.sum());
        sample(out, "ioc_collector_publish_failures_total", "counter",
                "Failed connections and publishes (each is retried)", publishFailures.sum());
        sample(out, "ioc_collector_broker_connected", "gauge", "1 while connected to the broker", connected.get());
        out.append("# HELP ioc_collector_source_errors_total Polls of a source that failed\n")
                .append("# TYPE ioc_collector_source_errors_total counter\n");
        sourceErrors.forEach((source, count) -> out.append("ioc_collector_source_errors_total{source=\"")
                .append(source).append("\"} ").append(count.sum()).append('\n'));
        return out.toString();
    }

    private static void sample(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }
}
