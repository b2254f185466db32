package io.iocmonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.iocmonitor.store.WriteResult;
import io.iocmonitor.telemetry.Rejection;
import io.iocmonitor.telemetry.TelemetryEvent;
import io.iocmonitor.telemetry.TelemetryKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The ingest meters: events stored and duplicate, rejects by reason, batch size and commit latency, queue depth. */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<TelemetryKind, Counter> stored = new EnumMap<>(TelemetryKind.class);
    private final Map<TelemetryKind, Counter> duplicates = new EnumMap<>(TelemetryKind.class);
    private final DistributionSummary batchSize;
    private final Timer commitLatency;
    private final Timer lag;
    private final Clock clock;
    private final AtomicInteger connected = new AtomicInteger();

    IngestMetrics(MeterRegistry registry, BlockingQueue<?> queue, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (TelemetryKind kind : TelemetryKind.values()) {
            stored.put(kind, Counter.builder("ioc.ingest.events").tag("kind", kind.wireName())
                    .tag("result", "stored").description("Telemetry events stored").register(registry));
            duplicates.put(kind, Counter.builder("ioc.ingest.events").tag("kind", kind.wireName())
                    .tag("result", "duplicate").description("Telemetry events whose id had been stored before")
                    .register(registry));
        }
        this.lag = Timer.builder("ioc.ingest.lag").publishPercentiles(0.5, 0.99)
                .description("From an event's ts to its commit (late and back-filled events count too)")
                .register(registry);
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
        Instant now = clock.instant();
        for (TelemetryEvent e : result.stored()) {
            stored.get(e.kind()).increment();
            lag.record(Duration.between(e.ts(), now));
        }
        result.duplicates().forEach((kind, n) -> duplicates.get(kind).increment(n));
    }

    void rejected(Rejection rejection) {
        registry.counter("ioc.ingest.rejected", "reason", rejection.kind().tag()).increment();
    }

    void connected(boolean up) {
        connected.set(up ? 1 : 0);
    }
}
