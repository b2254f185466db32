package io.iocmonitor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A collector stand-in for load tests: publishes numbered, valid {@code received} dossier events for the placeholder
 * communes of province 01 (01001 … 01126) with QoS 1, keeping up to {@code window} publishes unacknowledged by the
 * broker. Event {@code i} of a run always has the same id ({@code <run>-e<i>}) and dossier ({@code <run>-d<i>}), so
 * publishing it again is a duplicate that must change nothing. Its {@code ts} is in October 2025 (Asia/Ho_Chi_Minh).
 */
final class DossierLoadPublisher implements AutoCloseable {

    static final String PROVINCE = "01";
    static final int COMMUNES = 126;
    static final String OCTOBER_2025 = "from=2025-10-01&to=2025-11-01";
    private static final OffsetDateTime BASE_TS = OffsetDateTime.parse("2025-10-01T08:00:00+07:00");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final MqttAsyncClient client;
    private final String run;
    private final int window;
    private final Semaphore unacknowledged;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger eventsPublished = new AtomicInteger();
    private final MqttActionListener onPuback = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            unacknowledged.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            failure.compareAndSet(null, exception);
            unacknowledged.release();
        }
    };

    private DossierLoadPublisher(MqttAsyncClient client, String run, int window) {
        this.client = client;
        this.run = run;
        this.window = window;
        this.unacknowledged = new Semaphore(window);
    }

    static DossierLoadPublisher connect(String brokerUrl, String run, int window) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, run + "-publisher", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
        return new DossierLoadPublisher(client, run, window);
    }

    static String topic(int commune) {
        return "ioc/v1/" + PROVINCE + "/" + communeCode(commune) + "/dossier";
    }

    static String communeCode(int i) {
        return PROVINCE + "%03d".formatted(1 + Math.floorMod(i, COMMUNES));
    }

    String eventId(int i) {
        return run + "-e" + i;
    }

    String event(int i) {
        OffsetDateTime ts = BASE_TS.plusMinutes(i);
        return """
                {"id":"%s","ts":"%s","dossierId":"%s-d%d","procedureCode":"1.004227","event":"received",\
                "channel":"online","fullProcess":true,"dueAt":"%s","digitized":true,"payment":"online"}"""
                .formatted(eventId(i), RFC_3339.format(ts), run, i, RFC_3339.format(ts.plusDays(10)));
    }

    /** Event {@code i} alone in one message, on the topic of its commune. */
    void publishSingle(int i) throws MqttException, InterruptedException {
        publish(topic(i), event(i), 1);
    }

    /** Events {@code [from, from + count)} as one JSON array, on the topic of the commune of {@code from}. */
    void publishBatch(int from, int count) throws MqttException, InterruptedException {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = from; i < from + count; i++) {
            array.add(event(i));
        }
        publish(topic(from), array.toString(), count);
    }

    /**
     * Events {@code [from, to)} in blocks of 100: 100 single messages, then one batch of 100, and so on, at no more
     * than {@code eventsPerSecond} (0: as fast as the window allows).
     */
    void publishMixed(int from, int to, double eventsPerSecond) throws MqttException, InterruptedException {
        long start = System.nanoTime();
        for (int block = from; block < to; block += 100) {
            int end = Math.min(block + 100, to);
            if ((block / 100) % 2 == 0) {
                for (int i = block; i < end; i++) {
                    publishSingle(i);
                    pace(start, i + 1 - from, eventsPerSecond);
                }
            } else {
                publishBatch(block, end - block);
                pace(start, end - from, eventsPerSecond);
            }
        }
    }

    private static void pace(long startNanos, int events, double eventsPerSecond) {
        if (eventsPerSecond > 0) {
            long due = startNanos + (long) (events / eventsPerSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void publish(String topic, String payload, int events) throws MqttException, InterruptedException {
        throwIfFailed();
        unacknowledged.acquire();
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, null, onPuback);
        } catch (MqttException e) {
            unacknowledged.release();
            throw e;
        }
        eventsPublished.addAndGet(events);
    }

    /** Events handed to the client so far (acknowledged by the broker or on their way). */
    int eventsPublished() {
        return eventsPublished.get();
    }

    /** Waits until the broker has acknowledged every publish (PUBACK): from then on the broker holds them all. */
    void awaitAcknowledged(Duration timeout) throws InterruptedException {
        if (!unacknowledged.tryAcquire(window, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the broker did not acknowledge " + (window - unacknowledged.availablePermits())
                    + " publishes within " + timeout);
        }
        unacknowledged.release(window);
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new AssertionError("a publish failed: " + t, t);
        }
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(5_000);
        } finally {
            client.close(true);
        }
    }
}
