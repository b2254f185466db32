import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Load generator of the ingest benchmark (bench/ingest/run.sh): publishes valid dossier events with QoS 1 as fast as
 * the broker acknowledges them (or at a fixed rate), like a fleet of collectors would.
 *
 * <p>Usage: {@code java -cp <paho> Publisher url=tcp://127.0.0.1:1883 phase=single events=200000 batch=1 rate=0
 * window=1000 topics=topics.txt}
 * <ul>
 * <li>{@code events}: how many events; {@code batch}: events per message (1 = one JSON object per message, else a
 * JSON array); {@code rate}: events per second, 0 = full speed; {@code window}: publishes awaiting the broker's
 * PUBACK at most; {@code topics}: file of {@code ioc/v1/{province}/{commune}/dossier} topics, one a line (the
 * server's registry), used round-robin.</li>
 * <li>Events come in pairs: {@code received} then {@code completed} of the same new dossier, so half the events
 * insert a dossier and half update one (the merge). Both events of a pair go to the same topic.</li>
 * <li>Event ids are {@code <phase>-<sequence>-<publish time in µs since the epoch>}: the benchmark reads the
 * publish time back from {@code ingested_event.event_id} to compute the latency to {@code ingested_at}.</li>
 * </ul>
 * Prints one line {@code publisher key=value ...}: events, messages, start (epoch ms), seconds until the broker
 * acknowledged the last publish, events/s, the CPU seconds this JVM used while publishing.
 */
public final class Publisher {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final int TOO_MANY_IN_FLIGHT = 32202;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String url = a.getOrDefault("url", "tcp://127.0.0.1:1883");
        String phase = a.getOrDefault("phase", "single");
        long events = Long.parseLong(a.getOrDefault("events", "100000"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "1"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        int window = Integer.parseInt(a.getOrDefault("window", "1000"));
        List<String> topics = Files.readAllLines(Path.of(a.getOrDefault("topics", "topics.txt"))).stream()
                .filter(t -> !t.isBlank()).toList();
        if (batch != 1 && (batch < 2 || batch % 2 != 0)) {
            throw new IllegalArgumentException("batch must be 1 or even (received/completed pairs stay together)");
        }

        MqttAsyncClient client = new MqttAsyncClient(url, "ioc-bench-" + phase + "-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);

        Semaphore inFlight = new Semaphore(window);
        AtomicLong failures = new AtomicLong();
        MqttActionListener onPuback = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                if (failures.getAndIncrement() == 0) {
                    System.err.println("publish failed: " + exception);
                }
                inFlight.release();
            }
        };

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long startMs = System.currentTimeMillis();
        long start = System.nanoTime();
        long messages = 0;
        StringBuilder payload = new StringBuilder(batch * 400);
        for (long seq = 0; seq < events; seq += batch) {
            int n = (int) Math.min(batch, events - seq);
            Instant now = Instant.now();
            long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
            OffsetDateTime ts = now.atOffset(VIETNAM);
            String tsText = RFC_3339.format(ts);
            String dueText = RFC_3339.format(ts.plusDays(10));
            payload.setLength(0);
            if (batch > 1) {
                payload.append('[');
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    payload.append(',');
                }
                appendEvent(payload, phase, seq + i, micros, tsText, dueText);
            }
            if (batch > 1) {
                payload.append(']');
            }
            // singles: the pair's topic by dossier; batches: one topic per message (pairs never straddle a batch)
            long key = batch == 1 ? seq / 2 : seq / batch;
            String topic = topics.get((int) (key % topics.size()));
            byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
            inFlight.acquire();
            while (true) {
                try {
                    client.publish(topic, bytes, 1, false, null, onPuback);
                    break;
                } catch (MqttException e) {
                    if (e.getReasonCode() != TOO_MANY_IN_FLIGHT) {
                        throw e;
                    }
                    LockSupport.parkNanos(100_000);
                }
            }
            messages++;
            if (rate > 0) {
                long wait = start + (long) ((seq + n) / rate * 1e9) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        if (!inFlight.tryAcquire(window, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the broker did not acknowledge all publishes within 120 s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        client.disconnect().waitForCompletion(5_000);
        client.close();
        System.out.printf("publisher phase=%s events=%d messages=%d start_ms=%d seconds=%.3f events_per_s=%.0f"
                + " cpu_s=%.2f failures=%d%n", phase, events, messages, startMs, seconds, events / seconds, cpuSeconds,
                failures.get());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    private static void appendEvent(StringBuilder out, String phase, long seq, long micros, String ts, String due) {
        long dossier = seq / 2;
        out.append("{\"id\":\"").append(phase).append('-').append(seq).append('-').append(micros)
                .append("\",\"ts\":\"").append(ts)
                .append("\",\"dossierId\":\"").append(phase).append('-').append(dossier)
                .append("\",\"procedureCode\":\"1.00").append(4000 + dossier % 200).append('"');
        if (seq % 2 == 0) {
            out.append(",\"event\":\"received\",\"channel\":\"").append(dossier % 5 < 3 ? "online" : "offline")
                    .append("\",\"fullProcess\":").append(dossier % 3 != 0)
                    .append(",\"dueAt\":\"").append(due)
                    .append("\",\"digitized\":").append(dossier % 4 != 0)
                    .append(",\"payment\":\"").append(dossier % 3 == 0 ? "none" : dossier % 3 == 1 ? "online" : "offline")
                    .append("\"}");
        } else {
            out.append(",\"event\":\"completed\",\"eResult\":").append(dossier % 5 != 0)
                    .append(",\"eSigned\":").append(dossier % 2 == 0).append('}');
        }
    }
}
