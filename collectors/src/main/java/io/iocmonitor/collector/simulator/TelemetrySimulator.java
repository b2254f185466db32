package io.iocmonitor.collector.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.MqttPublisher;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the {@link DossierSimulator} against a broker: publishes the back-filled history once connected, then the
 * events of each tick, batched per topic.
 */
public final class TelemetrySimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetrySimulator.class);
    private static final int MAX_BATCH = 200;

    private final SimulatorSettings settings;
    private final Clock clock;
    private final DossierSimulator dossiers;
    private @Nullable Thread thread;
    private volatile boolean running;

    public TelemetrySimulator(SimulatorSettings settings, List<SimulatedProvince> provinces, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Instant start = clock.instant().minus(Duration.ofDays(settings.backfillDays()));
        this.dossiers = new DossierSimulator(provinces, settings.dossiersPerCommunePerDay(), start, settings.seed());
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("ioc-simulator").daemon().start(this::run);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    private void run() {
        try (MqttPublisher publisher = connect()) {
            if (publisher == null) {
                return;
            }
            int backfilled = publishUpTo(publisher, clock.instant());
            log.info("Simulator published {} events of the last {} days; {} life-cycle events to come",
                    backfilled, settings.backfillDays(), dossiers.pendingCount());
            while (running) {
                Thread.sleep(settings.tick().toMillis());
                publishUpTo(publisher, clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException | RuntimeException e) {
            if (running) {
                log.error("Simulator stopped", e);
            }
        }
    }

    private @Nullable MqttPublisher connect() throws InterruptedException {
        while (running) {
            try {
                return new MqttPublisher(settings.brokerUrl(), "ioc-simulator-" + ProcessHandle.current().pid(),
                        settings.username(), settings.password());
            } catch (MqttException e) {
                log.warn("Simulator cannot reach the broker at {} ({}); retrying", settings.brokerUrl(),
                        e.getMessage());
                Thread.sleep(2000);
            }
        }
        return null;
    }

    private int publishUpTo(MqttPublisher publisher, Instant now) throws InterruptedException {
        List<SimulatedEvent> events = dossiers.advanceTo(now);
        Map<String, List<ObjectNode>> byTopic = new LinkedHashMap<>();
        for (SimulatedEvent e : events) {
            byTopic.computeIfAbsent(e.topic(), t -> new ArrayList<>()).add(e.body());
        }
        for (Map.Entry<String, List<ObjectNode>> entry : byTopic.entrySet()) {
            List<ObjectNode> batch = entry.getValue();
            for (int i = 0; i < batch.size(); i += MAX_BATCH) {
                publishUntilAccepted(publisher, entry.getKey(),
                        batch.subList(i, Math.min(batch.size(), i + MAX_BATCH)));
            }
        }
        return events.size();
    }

    // The broker may refuse for a moment (too many in flight, reconnecting): wait and try again, never drop.
    private void publishUntilAccepted(MqttPublisher publisher, String topic, List<ObjectNode> batch)
            throws InterruptedException {
        long delayMs = 50;
        while (running) {
            try {
                publisher.publish(topic, batch);
                return;
            } catch (MqttException e) {
                if (delayMs >= 1600) {
                    log.warn("Simulator cannot publish to {} ({}); retrying", topic, e.getMessage());
                }
                Thread.sleep(delayMs);
                delayMs = Math.min(delayMs * 2, 5000);
            }
        }
    }
}
