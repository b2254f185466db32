package io.iocmonitor.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.store.TelemetryStore;
import io.iocmonitor.store.WriteResult;
import io.iocmonitor.telemetry.TelemetryEvent;
import io.iocmonitor.telemetry.ParsedMessage;
import io.iocmonitor.telemetry.Rejection;

/**
 * Drains the inbound queue into batches, stores each batch in one transaction, then acknowledges its messages
 * (in arrival order, with the other writers' through {@link OrderedAcks}).
 * A failed commit is retried with the same messages (unacknowledged, so the broker still holds them), never dropped.
 */
final class BatchWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final BlockingQueue<InboundMessage> queue;
    private final TelemetryStore store;
    private final IngestMetrics metrics;
    private final OrderedAcks acks;
    private final int maxBatchMessages;
    private final Duration maxBatchDelay;
    private volatile boolean running = true;

    BatchWriter(BlockingQueue<InboundMessage> queue, TelemetryStore store,
            IngestMetrics metrics, OrderedAcks acks, IngestProperties properties) {
        this.queue = queue;
        this.store = store;
        this.metrics = metrics;
        this.acks = acks;
        this.maxBatchMessages = properties.maxBatchMessages();
        this.maxBatchDelay = properties.maxBatchDelay();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                List<InboundMessage> batch = nextBatch();
                if (!batch.isEmpty()) {
                    storeUntilCommitted(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<InboundMessage> nextBatch() throws InterruptedException {
        List<InboundMessage> batch = new ArrayList<>();
        InboundMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxBatchDelay.toNanos();
        while (batch.size() < maxBatchMessages) {
            InboundMessage next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void storeUntilCommitted(List<InboundMessage> batch) throws InterruptedException {
        List<TelemetryEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (InboundMessage message : batch) {
            ParsedMessage parsed = message.parsed();
            events.addAll(parsed.events());
            rejections.addAll(parsed.rejections());
        }
        Duration delay = Duration.ofMillis(500);
        while (running) {
            long start = System.nanoTime();
            try {
                WriteResult result = store.write(events, rejections);
                metrics.committed(batch.size(), result, Duration.ofNanos(System.nanoTime() - start));
                rejections.forEach(metrics::rejected);
                acks.committed(batch);
                return;
            } catch (RuntimeException e) {
                log.warn("Storing a batch of {} messages failed; retrying in {} ms: {}", batch.size(),
                        delay.toMillis(), e.toString());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
            }
        }
    }
}
