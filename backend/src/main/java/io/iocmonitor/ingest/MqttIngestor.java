package io.iocmonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.iocmonitor.store.TelemetryStore;
import io.iocmonitor.telemetry.TelemetryParser;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Subscribes to all telemetry with QoS 1 on a persistent session and manual acknowledgement, so that a message
 * is released by the broker only once the batch holding it is committed: a crash loses nothing, and a redelivered
 * message is caught by its event id.
 */
public class MqttIngestor implements SmartLifecycle, MqttCallback {

    private static final Logger log = LoggerFactory.getLogger(MqttIngestor.class);

    private final BrokerEndpoint broker;
    private final IngestProperties properties;
    private final BlockingQueue<InboundMessage> queue;
    private final IngestMetrics metrics;
    private final SafeParser parser;
    private final OrderedAcks acks;
    private final List<BatchWriter> writers = new ArrayList<>();
    private final List<Thread> writerThreads = new ArrayList<>();
    private final String clientId;
    private @Nullable MqttClient client;
    private @Nullable Thread connectThread;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean running;

    public MqttIngestor(BrokerEndpoint broker, IngestProperties properties, TelemetryParser parser,
            TelemetryStore store, MeterRegistry registry, Clock clock, String clientId) {
        this.broker = broker;
        this.properties = properties;
        this.clientId = clientId;
        // Bounded by what the broker may send unacknowledged, so put() never blocks for long.
        this.queue = new ArrayBlockingQueue<>(properties.receiveMaximum() * 2);
        this.metrics = new IngestMetrics(registry, queue, clock);
        this.parser = new SafeParser(parser);
        this.acks = new OrderedAcks(this::acknowledge);
        for (int i = 0; i < properties.writers(); i++) {
            writers.add(new BatchWriter(queue, store, metrics, acks, properties));
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers.size(); i++) {
            writerThreads.add(Thread.ofPlatform().name("ioc-ingest-writer-" + (i + 1)).daemon().start(writers.get(i)));
        }
        connectThread = Thread.ofPlatform().name("ioc-ingest-connect").daemon().start(this::connectUntilUp);
    }

    @Override
    public void stop() {
        running = false;
        if (connectThread != null) {
            connectThread.interrupt();
        }
        MqttClient c = client;
        if (c != null) {
            try {
                // Unacknowledged messages stay with the broker for the next start.
                c.disconnectForcibly(1000, 1000, false);
                c.close(true);
            } catch (MqttException e) {
                log.debug("Closing the MQTT client: {}", e.toString());
            }
        }
        writers.forEach(BatchWriter::stop);
        writerThreads.forEach(Thread::interrupt);
        writerThreads.clear();
        metrics.connected(false);
    }

    /** Waits until the first subscription is in place, so that a publisher started now loses nothing. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the rest of the application (database, reference data) and stop before it.
        return Integer.MAX_VALUE - 100;
    }

    private void connectUntilUp() {
        long delayMs = 1000;
        while (running) {
            try {
                MqttClient c = new MqttClient(broker.url(), clientId, new MemoryPersistence());
                c.setCallback(this);
                c.setManualAcks(true);
                c.connect(connectionOptions());
                client = c;
                subscribe();
                return;
            } catch (MqttException e) {
                log.warn("Cannot connect to the MQTT broker at {} ({}); retrying in {} s", broker, e.getMessage(),
                        delayMs / 1000);
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException ie) {
                    return;
                }
                delayMs = Math.min(delayMs * 2, 30_000);
            }
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(properties.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setReceiveMaximum(properties.receiveMaximum());
        if (broker.username() != null) {
            options.setUserName(broker.username());
        }
        if (broker.password() != null) {
            options.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    private void acknowledge(InboundMessage message) {
        MqttClient c = client;
        if (c == null || message.qos() == 0) {
            return;
        }
        try {
            c.messageArrivedComplete(message.messageId(), message.qos());
        } catch (MqttException e) {
            // The broker redelivers after reconnecting; the event ids make that harmless.
            log.debug("Acknowledging message {} failed: {}", message.messageId(), e.toString());
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        metrics.connected(true);
        log.info("{} MQTT broker {}", reconnect ? "Reconnected to" : "Connected to", serverURI);
        if (reconnect) {
            // Paho's callbacks must not block on the client; the session normally kept the subscription anyway.
            Thread.ofVirtual().start(this::subscribe);
        }
    }

    private void subscribe() {
        MqttClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.subscribe(properties.subscriptionFilter(), 1);
            subscribed.countDown();
            log.info("Subscribed to {}", properties.subscriptionFilter());
        } catch (MqttException e) {
            log.error("Subscribing to {} failed", properties.subscriptionFilter(), e);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
        queue.put(new InboundMessage(parser.parse(topic, message.getPayload()), message.getId(), message.getQos(),
                acks.arrive()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        metrics.connected(false);
        log.warn("Disconnected from the MQTT broker {}: {}", broker, response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the server publishes nothing
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
