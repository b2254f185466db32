package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.ingest.BrokerEndpoint;
import io.iocmonitor.ingest.MqttIngestor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application started in the test JVM on the machine's services (see {@link TestServices}) in a fresh database,
 * with a publisher on its broker and an HTTP client for its API, signed in as the demo users (password demo).
 */
final class RunningApp implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String database;
    private final ConfigurableApplicationContext app;
    private final MqttClient publisher;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private RunningApp(String database, ConfigurableApplicationContext app, MqttClient publisher) {
        this.database = database;
        this.app = app;
        this.publisher = publisher;
        this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    static RunningApp start(String... extraArgs) throws Exception {
        String database = "ioc_it_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(TestServices.applicationArguments(database));
        args.add("--server.port=0");
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(IocMonitorApplication.class)
                .run(args.toArray(String[]::new));
        MqttClient publisher = new MqttClient(app.getBean(BrokerEndpoint.class).url(),
                "ioc-it-pub-" + UUID.randomUUID(), new MemoryPersistence());
        publisher.connect(new MqttConnectionOptions());
        app.getBean(MqttIngestor.class).awaitSubscribed(Duration.ofSeconds(30));
        return new RunningApp(database, app, publisher);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    /** Publishes at QoS 1 on {@code ioc/v1/<siteAndKind>}, e.g. {@code 01/01001/dossier}. */
    void publish(String siteAndKind, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        publisher.publish("ioc/v1/" + siteAndKind, message);
    }

    HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return send("GET", path, null, user);
    }

    JsonNode json(String path, String user) throws Exception {
        HttpResponse<String> response = get(path, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls (as the inspector) until the answer satisfies the condition or 20 s pass: ingestion is asynchronous. */
    JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode body = json(path, "inspector");
        while (!condition.test(body) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            body = json(path, "inspector");
        }
        return body;
    }

    /**
     * Waits until {@code events} distinct events are stored and the KPI rollups and probe outages have caught up
     * with them (nothing left to recompute), at most 30 s.
     */
    void awaitStoredAndRolledUp(long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long stored = jdbc().queryForObject("SELECT count(*) FROM ingested_event", Long.class);
            Long dirty = jdbc().queryForObject(
                    "SELECT (SELECT count(*) FROM rollup_dirty) + (SELECT count(*) FROM open_dirty)"
                            + " + (SELECT count(*) FROM probe_outage_dirty) + (SELECT count(*) FROM site_run_dirty)"
                            + " + (SELECT count(*) FROM site_will WHERE NOT checked)",
                    Long.class);
            if (stored != null && stored >= events && dirty != null && dirty == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not " + events + " events stored and rolled up within 30 s");
    }

    @Override
    public void close() throws Exception {
        try {
            publisher.disconnect();
            publisher.close();
        } finally {
            app.close();
            if (TestServices.isListening(5432)) {
                TestServices.dropDatabase(database);
            }
        }
    }
}
