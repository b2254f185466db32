package io.iocmonitor.collector.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.queue.DiskQueue;
import io.iocmonitor.collector.queue.QueuedEvent;
import io.iocmonitor.collector.source.EventSink;
import io.iocmonitor.collector.source.Source;
import io.iocmonitor.collector.source.SourceContext;

/**
 * A running collector: its sources polled at their intervals into the disk queue, the heartbeat, the forwarder
 * that empties the queue into the broker, and the metrics. The agent's main and the demo's simulator both run one.
 */
public final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final DiskQueue queue;
    private final CollectorMetrics metrics;
    private final QueueForwarder forwarder;
    private final List<Source> sources;
    private final ScheduledExecutorService scheduler;
    private final Duration metricsLog;
    private final @Nullable MetricsEndpoint endpoint;
    private final EventSink sink;

    private Collector(DiskQueue queue, CollectorMetrics metrics, QueueForwarder forwarder, List<Source> sources,
            Duration metricsLog, @Nullable MetricsEndpoint endpoint) {
        this.queue = queue;
        this.metrics = metrics;
        this.forwarder = forwarder;
        this.sources = sources;
        this.metricsLog = metricsLog;
        this.endpoint = endpoint;
        this.scheduler = Executors.newScheduledThreadPool(Math.min(4, sources.size() + 1),
                Thread.ofPlatform().name("ioc-collector-", 0).daemon().factory());
        this.sink = this::append;
    }

    /**
     * Opens the disk queue and starts everything.
     *
     * @param sources what to poll, made with the returned collector's context (see {@link #context})
     */
    public static Collector start(Settings settings, SourceContext context, List<Source> sources)
            throws IOException {
        DiskQueue queue = DiskQueue.open(settings.queueDir(), settings.queueMaxBytes());
        CollectorMetrics metrics = new CollectorMetrics(queue);
        Heartbeat heartbeat = new Heartbeat(settings.collector(), settings.heartbeatInterval(), context, metrics);
        List<Source> all = new ArrayList<>(sources);
        if (!settings.heartbeatInterval().isZero()) {
            all.addFirst(heartbeat);
        }
        MetricsEndpoint endpoint = settings.metricsPort() > 0
                ? MetricsEndpoint.start(settings.metricsHost(), settings.metricsPort(), metrics) : null;
        QueueForwarder forwarder = new QueueForwarder(queue, settings.broker(), heartbeat, metrics,
                new DeadLetterFile(settings.queueDir(), context.clock()));
        Collector collector = new Collector(queue, metrics, forwarder, all, settings.metricsLog(), endpoint);
        collector.run();
        return collector;
    }

    /**
     * What {@link #start} needs beyond the sources.
     *
     * @param metricsPort 0 for no endpoint
     */
    public record Settings(String collector, BrokerSettings broker, Path queueDir, long queueMaxBytes,
            Duration heartbeatInterval, String metricsHost, int metricsPort, Duration metricsLog) {

        static Settings of(CollectorConfig config) {
            return new Settings(config.collector(), config.broker(), config.queueDir(), config.queueMaxBytes(),
                    config.heartbeatInterval(), config.metricsHost(), config.metricsPort(), config.metricsLog());
        }
    }

    /** The context sources of a collector at {@code site} share; cursors go beside the queue. */
    public static SourceContext context(io.iocmonitor.collector.source.Site site, Path queueDir, Clock clock) {
        return SourceContext.of(site, clock, queueDir.resolveSibling(queueDir.getFileName() + "-state"));
    }

    private void run() {
        forwarder.start();
        for (Source source : sources) {
            scheduler.scheduleWithFixedDelay(() -> poll(source), 0, source.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (!metricsLog.isZero()) {
            long[] last = {0, System.nanoTime()};
            scheduler.scheduleAtFixedRate(() -> logMetrics(last), metricsLog.toMillis(), metricsLog.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        log.info("Collector started: {} sources, disk queue in {} ({} events waiting)", sources.size(),
                queue.directory(), queue.depth());
    }

    private void poll(Source source) {
        try {
            source.poll(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            metrics.sourceFailed(source.name());
            log.warn("Source {} failed: {}", source.name(), e.toString());
        }
    }

    private void append(List<QueuedEvent> events) throws IOException {
        queue.append(events);
        metrics.enqueued(events.size());
    }

    private void logMetrics(long[] last) {
        long published = metrics.published();
        long now = System.nanoTime();
        double perSecond = (published - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
        last[0] = published;
        last[1] = now;
        log.info("Queue {} events ({} bytes), published {} ({}/s), publish failures {}, refused by the broker {},"
                + " dropped at the cap {}", queue.depth(), queue.bytes(), published, Math.round(perSecond * 10) / 10.0,
                metrics.publishFailures(), metrics.rejected(), metrics.dropped());
    }

    /** Stops polling, gives the forwarder a moment to empty the queue, then stops it; the rest stays on disk. */
    @Override
    public void close() throws IOException, InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        forwarder.drain(Duration.ofSeconds(3));
        forwarder.close();
        MetricsEndpoint e = endpoint;
        if (e != null) {
            e.close();
        }
        queue.close();
        log.info("Collector stopped; {} events stay in the disk queue for the next start", queue.depth());
    }
}
