import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest benchmark's reference (bench/ingest/run.sh with RAW=1): the least a pipeline from the broker into
 * PostgreSQL can do, so that the server's figures can be read against what this machine allows. A Paho MQTT v5
 * subscriber takes every message of ioc/v1/#, splits batches into events (one JSON parse, no validation), and one
 * writer thread COPYs them into a table without any index (no de-duplication, no merge), a transaction per batch of
 * up to 500 messages or 50 ms, like the server's writer.
 *
 * <p>Usage: {@code java -cp <paho, jackson, pgjdbc> RawPipeline.java port=8080 broker=tcp://127.0.0.1:1883
 * db=jdbc:postgresql://127.0.0.1:5432/x user=postgres receive=5000}. It answers {@code /actuator/health} and
 * {@code /actuator/prometheus} with the few series of the server's that the benchmark reads, under the same names.
 */
public final class RawPipeline {

    private static final int MAX_BATCH_MESSAGES = 500;
    private static final long MAX_BATCH_DELAY_MS = 50;

    private record Message(String topic, byte[] payload) {
    }

    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(100_000);
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new RawPipeline().run(a);
    }

    private void run(Map<String, String> a) throws Exception {
        Connection db = DriverManager.getConnection(a.get("db"), a.getOrDefault("user", "postgres"), "");
        db.createStatement().execute("""
                CREATE TABLE IF NOT EXISTS ingested_event (
                    event_id text NOT NULL, kind text NOT NULL, ingested_at timestamptz NOT NULL DEFAULT now(),
                    topic text NOT NULL, body text NOT NULL)""");
        db.setAutoCommit(false);
        serveMetrics(Integer.parseInt(a.get("port")));
        Thread writer = Thread.ofPlatform().name("ioc-ingest-writer").start(() -> write(db));

        MqttClient client = new MqttClient(a.get("broker"), "ioc-raw-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(Integer.parseInt(a.getOrDefault("receive", "5000")));
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                queue.put(new Message(topic, message.getPayload()));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
                System.out.println("disconnected: " + response);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                System.out.println("MQTT error: " + exception);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(options);
        client.subscribe("ioc/v1/#", 1);
        System.out.println("Subscribed to ioc/v1/#");
        writer.join();
    }

    private void write(Connection db) {
        try {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            List<Message> batch = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            while (true) {
                batch.add(queue.take());
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_BATCH_DELAY_MS);
                while (batch.size() < MAX_BATCH_MESSAGES) {
                    Message next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                long start = System.nanoTime();
                long events = 0;
                for (Message m : batch) {
                    String kind = m.topic().substring(m.topic().lastIndexOf('/') + 1);
                    JsonNode payload = json.readTree(m.payload());
                    for (JsonNode event : payload.isArray() ? payload : List.of(payload)) {
                        rows.append(escape(event.get("id").asString())).append('\t').append(kind).append('\t')
                                .append(escape(m.topic())).append('\t').append(escape(event.toString())).append('\n');
                        events++;
                    }
                }
                copy.copyIn("COPY ingested_event (event_id, kind, topic, body) FROM STDIN",
                        new StringReader(rows.toString()));
                db.commit();
                commitNanos.addAndGet(System.nanoTime() - start);
                commits.incrementAndGet();
                messages.addAndGet(batch.size());
                stored.addAndGet(events);
                batch.clear();
                rows.setLength(0);
            }
        } catch (InterruptedException | SQLException | IOException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    // COPY's text format: backslash, tab, newline and carriage return are escaped
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void serveMetrics(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/actuator/health", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        http.createContext("/actuator/prometheus", exchange -> answer(exchange, """
                ioc_ingest_events_total{kind="dossier",result="stored"} %d
                ioc_ingest_events_total{kind="dossier",result="duplicate"} 0
                ioc_ingest_rejected_total 0
                ioc_ingest_batch_commit_seconds_count %d
                ioc_ingest_batch_commit_seconds_sum %.6f
                ioc_ingest_batch_messages_sum %d
                """.formatted(stored.get(), commits.get(), commitNanos.get() / 1e9, messages.get())));
        http.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
