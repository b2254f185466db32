package io.iocmonitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.iocmonitor.ui.PackagedApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Support for the ingest tests that run the packaged server as a separate process against the machine's PostgreSQL
 * (a fresh database per run) and a {@link TestMosquitto}: starting it, reading its metrics and KPIs, counting rows.
 */
final class IngestServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)",
            Pattern.MULTILINE);

    private IngestServer() {
    }

    /** Fails with a clear message unless the machine's PostgreSQL answers on 127.0.0.1:5432. */
    static void requirePostgres() {
        if (!TestServices.isListening(5432)) {
            throw new IllegalStateException("This test needs the machine's PostgreSQL on 127.0.0.1:5432 (user postgres,"
                    + " trust authentication): the server under test is killed with SIGKILL and restarted, so its"
                    + " database must outlive it, which the embedded one does not. Start it, e.g."
                    + " 'pg_ctlcluster 15 main start' (CI's .ci/run does).");
        }
    }

    /** A new database name for one test run: {@code ioc_<prefix>_<random>}. */
    static String newDatabaseName(String prefix) {
        return "ioc_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Starts the packaged server on the given database and broker, without the simulator and with the demo users, and
     * waits until it is healthy and its subscription is in place (so that nothing published from now on is lost).
     */
    static PackagedApp start(String database, TestMosquitto broker, String clientId, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--spring.datasource.username=postgres",
                "--ioc.mqtt.url=" + broker.url(),
                "--ioc.mqtt.client-id=" + clientId,
                "--ioc.mqtt.session-expiry=10m",
                "--ioc.simulator.enabled=false",
                "--ioc.demo.users=true"));
        args.addAll(List.of(extraArgs));
        PackagedApp app = PackagedApp.start(args.toArray(String[]::new));
        try {
            app.awaitLog("Subscribed to ", Duration.ofSeconds(60));
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** The first column of the first row of {@code sql} in {@code database}. */
    static long queryLong(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls until {@code sql} answers {@code expected} or stops changing for {@code quiet}; returns the last answer. */
    static long awaitCount(String database, String sql, long expected, Duration quiet, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = queryLong(database, sql);
        long lastChange = System.nanoTime();
        while (last != expected && System.nanoTime() < deadline && System.nanoTime() - lastChange < quiet.toNanos()) {
            Thread.sleep(250);
            long now = queryLong(database, sql);
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
        return last;
    }

    /** The sum of a Prometheus counter's samples whose labels include all of {@code labels} (e.g. result="stored"). */
    static double metric(PackagedApp app, String name, String... labels) throws IOException, InterruptedException {
        String text = get(app, "/actuator/prometheus", null).body();
        double sum = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name) && List.of(m.group(2).split(",")).containsAll(List.of(labels))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    /** The {@code received} count of GET /api/v1/kpis for province 01 in October 2025, asked as the inspector. */
    /**
     * The received dossiers of province 01 in October 2025 by GET /api/v1/kpis, once they reach {@code expected} or
     * 30 s have passed: the daily rollups behind it catch up with committed events within seconds.
     */
    static long receivedInOctober(PackagedApp app, long expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long received;
        do {
            HttpResponse<String> response = get(app,
                    "/api/v1/kpis?" + DossierLoadPublisher.OCTOBER_2025 + "&groupBy=none&province=01", "inspector");
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/v1/kpis answered " + response.statusCode() + ": " + response.body());
            }
            received = JSON.readTree(response.body()).get("rows").get(0).get("received").asLong();
        } while (received != expected && System.nanoTime() < deadline && sleep());
        return received;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    static HttpResponse<String> get(PackagedApp app, String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
