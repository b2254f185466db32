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
 * acknowledged every batch (PUBACK). A failure that may pass (broker down, network gone, no answer, a refusal such
 * as "quota exceeded") drops the connection and, after a growing pause, reconnects and publishes the same chunk
 * again: nothing is lost, and what may go twice carries the same event ids.
 *
 * <p>A refusal that no retry can change would block the queue's head for good: a batch too large for the broker is
 * split in halves until its events pass (or one alone is too large), and the events the broker refuses for good
 * (not authorised on their topic, too large, malformed) go to the {@link DeadLetterFile} beside the queue, are
 * counted and logged with the reason code, and the queue goes on.
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
    private static final int PACKET_TOO_LARGE = 0x95;
    /** MQTT 5 PUBACK reason codes that a retry cannot change; any other refusal is retried. */
    private static final Map<Integer, String> REJECTED_FOR_GOOD = Map.of(0x87, "not authorized", 0x90,
            "topic name invalid", PACKET_TOO_LARGE, "packet too large", 0x99, "payload format invalid");
    /** Beside the payload and topic, a PUBLISH packet's header, topic length, packet id and empty properties. */
    private static final int PUBLISH_OVERHEAD = 12;

    /** Events of one topic that go in one message. */
    private record Batch(String topic, List<String> events, byte[] payload) {

        static Batch of(String topic, List<String> events) {
            return new Batch(topic, events, ("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8));
        }

        long packetBytes() {
            return payload.length + topic.getBytes(StandardCharsets.UTF_8).length + PUBLISH_OVERHEAD;
        }
    }

    private record InFlight(Batch batch, IMqttToken token) {
    }

    private final DiskQueue queue;
    private final BrokerSettings broker;
    private final Heartbeat heartbeat;
    private final CollectorMetrics metrics;
    private final DeadLetterFile deadLetters;
    private @Nullable MqttAsyncClient client;
    /** The largest packet the broker takes, as it said when this connection began. */
    private long maxPacketBytes = Long.MAX_VALUE;
    private @Nullable Thread thread;
    private volatile boolean running;
    private @Nullable String failure;

    QueueForwarder(DiskQueue queue, BrokerSettings broker, Heartbeat heartbeat, CollectorMetrics metrics,
            DeadLetterFile deadLetters) {
        this.queue = queue;
        this.broker = broker;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
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
                List<DeadLetterFile.Rejected> rejected = publish(c, chunk);
                deadLetters.append(rejected);
                queue.acknowledge(chunk.getLast());
                int rejectedEvents = rejected.stream().mapToInt(r -> r.events().size()).sum();
                metrics.published(chunk.size() - rejectedEvents);
                metrics.rejected(rejectedEvents);
                for (DeadLetterFile.Rejected r : rejected) {
                    log.warn("The broker {} refused {} events on {} for good (reason code 0x{}: {}); moved them to {}",
                            broker.url(), r.events().size(), r.topic(), Integer.toHexString(r.reasonCode()),
                            r.reason(), deadLetters.path());
                }
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
        IMqttToken connect;
        try {
            connect = c.connect(options);
            connect.waitForCompletion(ACK_TIMEOUT_MS);
        } catch (MqttException e) {
            c.close(true);
            throw e;
        }
        MqttProperties connack = connect.getResponseProperties();
        Long maxPacket = connack == null ? null : connack.getMaximumPacketSize();
        maxPacketBytes = maxPacket == null ? Long.MAX_VALUE : maxPacket;
        client = c;
        metrics.connected(true);
        log.info("Connected to the MQTT broker {}", broker);
        return c;
    }

    /**
     * Publishes a chunk as few messages as it can: its events grouped by topic (a provincial system reports for
     * many communes, each its own topic), in their order within each topic. The order across topics does not
     * matter: every event carries its own timestamp. Answers what the broker refused for good.
     */
    private List<DeadLetterFile.Rejected> publish(MqttAsyncClient c, List<QueueEntry> chunk) throws MqttException {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (QueueEntry entry : chunk) {
            byTopic.computeIfAbsent(entry.event().topic(), t -> new ArrayList<>()).add(entry.event().json());
        }
        Deque<Batch> pending = new ArrayDeque<>();
        byTopic.forEach((topic, events) -> batches(events).forEach(batch -> pending.add(Batch.of(topic, batch))));
        Deque<InFlight> inFlight = new ArrayDeque<>();
        List<DeadLetterFile.Rejected> rejected = new ArrayList<>();
        int waits = 0;
        while (!pending.isEmpty() || !inFlight.isEmpty()) {
            if (!pending.isEmpty() && inFlight.size() < WINDOW) {
                Batch batch = pending.removeFirst();
                if (batch.packetBytes() > maxPacketBytes) {
                    reject(batch, PACKET_TOO_LARGE, pending, rejected); // sending it would cost the connection
                    continue;
                }
                IMqttToken token = publishWithinReceiveMaximum(c, batch);
                if (token != null) {
                    inFlight.addLast(new InFlight(batch, token));
                    waits = 0;
                    continue;
                }
                pending.addFirst(batch);
                if (inFlight.isEmpty()) {
                    if (++waits > 100) {
                        throw new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT);
                    }
                    sleepQuietly();
                    continue;
                }
            }
            InFlight oldest = inFlight.removeFirst();
            int code = awaitPuback(oldest.token());
            if (code != 0) {
                reject(oldest.batch(), code, pending, rejected);
            }
        }
        return rejected;
    }

    /**
     * A batch the broker did not take: one too large goes again in halves (a single large event should not take its
     * neighbours with it); otherwise, if the reason is one a retry cannot change, its events are refused for good;
     * any other reason is a failure to retry.
     */
    private static void reject(Batch batch, int code, Deque<Batch> pending, List<DeadLetterFile.Rejected> rejected)
            throws MqttException {
        List<String> events = batch.events();
        if (code == PACKET_TOO_LARGE && events.size() > 1) {
            pending.addFirst(Batch.of(batch.topic(), events.subList(events.size() / 2, events.size())));
            pending.addFirst(Batch.of(batch.topic(), events.subList(0, events.size() / 2)));
        } else if (REJECTED_FOR_GOOD.containsKey(code)) {
            rejected.add(new DeadLetterFile.Rejected(batch.topic(), events, code, REJECTED_FOR_GOOD.get(code)));
        } else {
            throw new MqttException(code);
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
     * Publishes, or answers null when the broker's receive maximum does not allow one more now: a broker may announce
     * fewer than {@link #WINDOW} (HiveMQ's default is 10, and Paho counts a publish as in flight a moment after its
     * token completes), so "too many publishes in progress" means waiting for the oldest PUBACK, not a failure.
     */
    private static @Nullable IMqttToken publishWithinReceiveMaximum(MqttAsyncClient c, Batch batch)
            throws MqttException {
        try {
            return c.publish(batch.topic(), batch.payload(), 1, false);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                throw e;
            }
            return null;
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

    /** Waits for the PUBACK; answers its first refusal reason code, or 0 if the broker took the message. */
    private static int awaitPuback(IMqttToken token) throws MqttException {
        token.waitForCompletion(ACK_TIMEOUT_MS);
        if (!token.isComplete()) {
            throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    return code;
                }
            }
        }
        return 0;
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
