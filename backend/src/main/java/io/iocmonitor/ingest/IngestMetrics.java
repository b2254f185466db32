package io.iocmonitor.ingest;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.iocmonitor.store.WriteResult;
import io.iocmonitor.telemetry.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The ingest meters: events stored and duplicate, rejects by reason, batch size and commit latency, queue depth. */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter duplicates;
    private final DistributionSummary batchSize;
    private final Timer commitLatency;
    private final AtomicInteger connected = new AtomicInteger();

    IngestMetrics(MeterRegistry registry, BlockingQueue<?> queue) {
        this.registry = registry;
        this.stored = Counter.builder("ioc.ingest.events").tag("kind", "dossier").tag("result", "stored")
                .description("Telemetry events stored").register(registry);
        this.duplicates = Counter.builder("ioc.ingest.events").tag("kind", "dossier").tag("result", "duplicate")
                .description("Telemetry events whose id had been stored before").register(registry);
        this.batchSize = DistributionSummary.builder("ioc.ingest.batch.messages")
                .description("MQTT messages per committed batch").register(registry);
        this.commitLatency = Timer.builder("ioc.ingest.batch.commit")
                .description("Time to store and commit one batch").register(registry);
        Gauge.builder("ioc.ingest.queue.depth", queue, BlockingQueue::size)
                .description("Messages received and not yet stored").register(registry);
        Gauge.builder("ioc.mqtt.connected", connected, AtomicInteger::get)
                .description("1 while the ingest client is connected to the broker").register(registry);
    }

    void committed(int messages, WriteResult result, Duration took) {
        batchSize.record(messages);
        commitLatency.record(took);
        stored.increment(result.stored());
        duplicates.increment(result.duplicates());
    }

    void rejected(Rejection rejection) {
        registry.counter("ioc.ingest.rejected", "reason", rejection.kind().tag()).increment();
    }

    void connected(boolean up) {
        connected.set(up ? 1 : 0);
    }
}
