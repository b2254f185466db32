package io.iocmonitor.collector.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.iocmonitor.collector.queue.DiskQueue;
import io.iocmonitor.collector.queue.QueueEntry;

/**
 * Moves events from the disk queue to the broker: reads a chunk from the head, publishes it as JSON-array batches
 * (the chunk's events grouped by topic) at QoS 1, and removes it from the queue only once the broker has
 * acknowledged every batch (PUBACK). Any failure (broker down, network gone, PUBACK refused, no answer) drops the
 * connection and, after a growing pause, reconnects and publishes the same chunk again: nothing is lost, and what
 * may go twice carries the same event ids.
 */
final class QueueForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueForwarder.class);
    private static final int CHUNK_EVENTS = 2000;
    private static final long CHUNK_BYTES = 2L << 20;
    private static final int BATCH_EVENTS = 200;
    private static final int BATCH_BYTES = 128 * 1024;
    /** Batches awaiting their PUBACK at once (brokers announce a receive maximum: Mosquitto 20, HiveMQ 10). */
    private static final int WINDOW = 8;
    private static final long ACK_TIMEOUT_MS = 30_000;
    private static final long MAX_PAUSE_MS = 30_000;
    private static final int DISCONNECT_WITH_WILL = 0x04;

    private final DiskQueue queue;
    private final BrokerSettings broker;
    private final Heartbeat heartbeat;
    private final CollectorMetrics metrics;
    private @Nullable MqttAsyncClient client;
    private @Nullable Thread thread;
    private volatile boolean running;
    private @Nullable String failure;

    QueueForwarder(DiskQueue queue, BrokerSettings broker, Heartbeat heartbeat, CollectorMetrics metrics) {
        this.queue = queue;
        this.broker = broker;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("ioc-collector-forwarder").daemon().start(this::run);
    }

    /** Waits until the queue is empty (everything acknowledged) or the timeout passes. */
    void drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.depth() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
        disconnect(true);
    }

    private void run() {
        long pauseMs = 500;
        while (running) {
            try {
                MqttAsyncClient c = connected();
                if (!queue.awaitEvents(1, TimeUnit.SECONDS)) {
                    continue;
                }
                List<QueueEntry> chunk = queue.peek(CHUNK_EVENTS, CHUNK_BYTES);
                publish(c, chunk);
                queue.acknowledge(chunk.getLast());
                metrics.published(chunk.size());
                pauseMs = 500;
                if (failure != null) {
                    failure = null;
                    log.info("Publishing to {} again; {} events still queued", broker.url(), queue.depth());
                }
            } catch (InterruptedException e) {
                return;
            } catch (MqttException | GeneralSecurityException | IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                metrics.publishFailed();
                String reason = describe(e);
                if (!reason.equals(failure)) { // once per kind of failure, not at every retry
                    failure = reason;
                    log.warn("Cannot publish to {} ({}); events stay in the disk queue ({} now) and go out when it"
                            + " answers again", broker.url(), reason, queue.depth());
                }
                disconnect(false);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException ie) {
                    return;
                }
                pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
            }
        }
    }

    private MqttAsyncClient connected() throws MqttException, IOException, GeneralSecurityException {
        MqttAsyncClient c = client;
        if (c != null && c.isConnected()) {
            return c;
        }
        disconnect(false);
        c = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        MqttConnectionOptions options = broker.connectionOptions();
        MqttMessage will = new MqttMessage(heartbeat.offlineWill());
        will.setQos(1);
        options.setWill(heartbeat.topic(), will);
        try {
            c.connect(options).waitForCompletion(ACK_TIMEOUT_MS);
        } catch (MqttException e) {
            c.close(true);
            throw e;
        }
        client = c;
        metrics.connected(true);
        log.info("Connected to the MQTT broker {}", broker);
        return c;
    }

    /**
     * Publishes a chunk as few messages as it can: its events grouped by topic (a provincial system reports for
     * many communes, each its own topic), in their order within each topic. The order across topics does not
     * matter: every event carries its own timestamp.
     */
    private void publish(MqttAsyncClient c, List<QueueEntry> chunk) throws MqttException {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (QueueEntry entry : chunk) {
            byTopic.computeIfAbsent(entry.event().topic(), t -> new ArrayList<>()).add(entry.event().json());
        }
        Deque<IMqttToken> inFlight = new ArrayDeque<>();
        for (Map.Entry<String, List<String>> topic : byTopic.entrySet()) {
            for (List<String> batch : batches(topic.getValue())) {
                if (inFlight.size() >= WINDOW) {
                    awaitPuback(inFlight.removeFirst());
                }
                byte[] payload = ("[" + String.join(",", batch) + "]").getBytes(StandardCharsets.UTF_8);
                inFlight.addLast(publishWithinReceiveMaximum(c, topic.getKey(), payload, inFlight));
            }
        }
        while (!inFlight.isEmpty()) {
            awaitPuback(inFlight.removeFirst());
        }
    }

    /** Consecutive runs of at most {@link #BATCH_EVENTS} events and about {@link #BATCH_BYTES} bytes. */
    private static List<List<String>> batches(List<String> events) {
        List<List<String>> out = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int bytes = 0;
        for (String json : events) {
            if (!batch.isEmpty() && (batch.size() >= BATCH_EVENTS || bytes + json.length() + 1 > BATCH_BYTES)) {
                out.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(json);
            bytes += json.length() + 1;
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    /**
     * Publishes once the broker's receive maximum allows: a broker may announce fewer than {@link #WINDOW} (HiveMQ's
     * default is 10, and Paho counts a publish as in flight a moment after its token completes), so "too many
     * publishes in progress" means waiting for the oldest PUBACK, not a failure.
     */
    private static IMqttToken publishWithinReceiveMaximum(MqttAsyncClient c, String topic, byte[] payload,
            Deque<IMqttToken> inFlight) throws MqttException {
        for (int attempt = 0; ; attempt++) {
            try {
                return c.publish(topic, payload, 1, false);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= 100) {
                    throw e;
                }
                if (inFlight.isEmpty()) {
                    sleepQuietly();
                } else {
                    awaitPuback(inFlight.removeFirst());
                }
            }
        }
    }

    private static void sleepQuietly() throws MqttException {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(e);
        }
    }

    private static void awaitPuback(IMqttToken token) throws MqttException {
        token.waitForCompletion(ACK_TIMEOUT_MS);
        if (!token.isComplete()) {
            throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    throw new MqttException(code);
                }
            }
        }
    }

    private void disconnect(boolean gracefully) {
        MqttAsyncClient c = client;
        client = null;
        metrics.connected(false);
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                if (gracefully) {
                    // MQTT 5 reason 0x04: the broker publishes the last will, so the centre sees "offline" at once.
                    c.disconnect(2000, null, null, DISCONNECT_WITH_WILL, new MqttProperties()).waitForCompletion(3000);
                } else {
                    c.disconnectForcibly(0, 1000, false);
                }
            }
        } catch (MqttException e) {
            log.debug("Disconnecting from {}: {}", broker.url(), e.toString());
        } finally {
            try {
                c.close(true);
            } catch (MqttException e) {
                log.debug("Closing the MQTT client: {}", e.toString());
            }
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()
                + (e.getCause() != null ? ": " + e.getCause().getMessage() : "");
    }
}
