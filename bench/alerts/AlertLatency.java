import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import com.sun.net.httpserver.HttpServer;

/**
 * Alert latency of IOC Monitor (bench/alerts/README.md): for each iteration, two failed probes of a site's portal
 * are published ahead, then the third — the event that breaks the rule's condition (an outage starts at the third
 * consecutive failure; the rule has for = 0) — and the time from that publish to the webhook receiving the firing
 * notification is measured; then one good probe ends the outage and the resolved notification is timed likewise.
 *
 * Usage: java -cp <paho>:. AlertLatency <broker url> <webhook port> <iterations> <province> <commune>
 */
public class AlertLatency {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(firing|resolved)\"");

    record Received(String status, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        int port = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        String province = args[3];
        String commune = args[4];
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            Matcher m = STATUS.matcher(body);
            received.add(new Received(m.find() ? m.group(1) : "?", at));
        });
        server.start();
        MqttClient client = new MqttClient(broker, "ioc-bench-alerts-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(new MqttConnectionOptions());
        String topic = "ioc/v1/" + province + "/" + commune + "/probe";
        List<Double> firing = new ArrayList<>();
        List<Double> resolved = new ArrayList<>();
        try {
            for (int i = 0; i < iterations; i++) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                publish(client, topic, "pre-" + i + "-a", now.minusMillis(20), false);
                publish(client, topic, "pre-" + i + "-b", now.minusMillis(10), false);
                Thread.sleep(300); // let the two first failures be stored: the third alone breaks the condition
                long t0 = System.nanoTime();
                publish(client, topic, "break-" + i, Instant.now(), false);
                firing.add(await(received, "firing", t0));
                Thread.sleep(200);
                long t1 = System.nanoTime();
                publish(client, topic, "ok-" + i, Instant.now(), true);
                resolved.add(await(received, "resolved", t1));
                System.err.printf(Locale.ROOT, "iteration %d: firing %.0f ms, resolved %.0f ms%n", i + 1,
                        firing.getLast(), resolved.getLast());
            }
        } finally {
            client.disconnect();
            client.close();
            server.stop(0);
        }
        print("firing (event → webhook)", firing);
        print("resolved (event → webhook)", resolved);
    }

    private static void publish(MqttClient client, String topic, String id, Instant ts, boolean up) throws Exception {
        String payload = "{\"id\":\"bench-" + id + "-" + UUID.randomUUID() + "\",\"ts\":\"" + ts + "\","
                + "\"target\":\"bench-portal\",\"targetType\":\"portal\",\"method\":\"http\",\"up\":" + up + "}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
    }

    private static double await(LinkedBlockingQueue<Received> received, String status, long since)
            throws InterruptedException {
        while (true) {
            Received r = received.poll(60, TimeUnit.SECONDS);
            if (r == null) {
                throw new IllegalStateException("no " + status + " notification within 60 s");
            }
            if (r.status().equals(status)) {
                return (r.nanos() - since) / 1e6;
            }
        }
    }

    private static void print(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", what, sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
