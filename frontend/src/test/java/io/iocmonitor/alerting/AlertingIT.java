package io.iocmonitor.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.iocmonitor.IocMonitorApplication;
import io.iocmonitor.TestMosquitto;
import io.iocmonitor.TestServices;
import io.iocmonitor.ingest.MqttIngestor;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerting end to end on real parts: probe events published to a broker of the test's own open an outage, the
 * rule fires one alert for the province listing its communes, the webhook (a JDK HttpServer that refuses the
 * first delivery) and a real SMTP server (GreenMail) each receive one firing and later one resolved message;
 * routes, silences, the REST actions with their scoping, the Prometheus counts and rule reloading with a bad file;
 * a hung receiver that holds up nothing else, and a leader that loses its lock mid-delivery without a repeat; and
 * collectors' heartbeats telling of events their disk queue discarded, stored and paged once for the province.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertingIT {

    private static final String DATABASE = "ioc_alert_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RULES = """
            rules:
              - name: portal-down
                signal: probe-outage-seconds
                scope: each-commune
                match: {target_type: portal}
                condition: "> 0"
                severity: critical
                labels: {team: noc}
                summary: {vi: "{province}: mất Cổng DVC tại {members}", en: "{province}: portal down at {members}"}
                runbook: {vi: "Gọi nhà mạng", en: "Call the carrier"}
            """;

    @TempDir
    static Path dir;

    private static TestMosquitto broker;
    private static GreenMail smtp;
    private static WebhookReceiver webhook;
    private static ConfigurableApplicationContext app;
    private static MqttClient publisher;
    private static String base;
    private static Path rules;

    @BeforeAll
    static void start() throws Exception {
        broker = TestMosquitto.start(Files.createDirectories(dir.resolve("broker")));
        smtp = new GreenMail(new ServerSetup(TestServices.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        // /slow hangs (the sender gives up after 10 s); /late answers after 4 s
        webhook = new WebhookReceiver(1).hold("/slow", Duration.ofMinutes(5)).hold("/late", Duration.ofSeconds(4));
        rules = Files.createDirectories(dir.resolve("alert-rules"));
        Files.writeString(rules.resolve("sites.yaml"), RULES);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ioc.simulator.enabled=false",
                "--ioc.demo.users=true",
                "--spring.datasource.url=" + TestServices.createDatabase(DATABASE),
                "--spring.datasource.username=postgres",
                "--ioc.mqtt.url=" + broker.url(),
                "--ioc.mqtt.client-id=ioc-alert-it-" + UUID.randomUUID(),
                "--ioc.alert-rules.dir=" + rules,
                "--ioc.alerting.evaluation-interval=500ms",
                "--ioc.alerting.retry-initial=300ms",
                "--ioc.alerting.channels.hook.webhook=" + webhook.url("/hook"),
                "--ioc.alerting.channels.hcm.webhook=" + webhook.url("/hcm"),
                "--ioc.alerting.channels.hcm.provinces=79",
                "--ioc.alerting.channels.slow.webhook=" + webhook.url("/slow"),
                "--ioc.alerting.channels.slow.provinces=46",
                "--ioc.alerting.channels.late.webhook=" + webhook.url("/late"),
                "--ioc.alerting.channels.late.provinces=56",
                "--ioc.alerting.channels.mail.email=ops@example.org",
                "--ioc.alerting.channels.mail.severities=critical,major",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        app = new SpringApplicationBuilder(IocMonitorApplication.class).run(args.toArray(String[]::new));
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        publisher = new MqttClient(broker.url(), "ioc-alert-it-pub-" + UUID.randomUUID(), new MemoryPersistence());
        publisher.connect(new MqttConnectionOptions());
        app.getBean(MqttIngestor.class).awaitSubscribed(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (publisher != null) {
            publisher.disconnect();
            publisher.close();
        }
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (broker != null) {
            broker.close();
        }
        TestServices.dropDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void aProvincialOutagePagesOnceListingItsCommunesAfterARetry() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int minute = 3; minute >= 1; minute--) {
            probe("01", "01001", "dvc", "portal", false, now.minus(Duration.ofMinutes(minute)), "a" + minute);
            probe("01", "01002", "dvc", "portal", false, now.minus(Duration.ofMinutes(minute)), "b" + minute);
            probe("01", "01003", "isp", "internet", false, now.minus(Duration.ofMinutes(minute)), "c" + minute);
        }
        List<WebhookReceiver.Received> hook = await(() -> webhook.received("/hook"), l -> !l.isEmpty());
        JsonNode body = hook.getFirst().body();
        assertThat(body.get("status").asString()).isEqualTo("firing");
        assertThat(body.get("alert").get("rule").asString()).isEqualTo("portal-down");
        assertThat(body.get("alert").get("labels").get("province").asString()).isEqualTo("01");
        assertThat(body.get("runbook").get("en").asString()).isEqualTo("Call the carrier");

        JsonNode alert = await(() -> get("/api/v1/alerts?state=firing", "operator"),
                a -> a.size() == 1 && a.get(0).get("members").size() == 2).get(0);
        assertThat(alert.get("members").findValuesAsString("key"))
                .containsExactly("commune=01001 target=dvc", "commune=01002 target=dvc");
        assertThat(alert.get("severity").asString()).isEqualTo("critical");
        assertThat(alert.get("labels").get("team").asString()).isEqualTo("noc");

        MimeMessage[] mails = await(() -> smtp.getReceivedMessages(), m -> m.length >= 1);
        assertThat(mails[0].getSubject()).startsWith("[FIRING critical]");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("portal-down");
        assertThat(mails[0].getMessageID()).as("the notification's own id, which a repeat would carry too")
                .matches("<ioc-notification-\\d+\\." + alert.get("id").asLong() + "\\.\\d+@localhost>");
        Thread.sleep(2000);
        assertThat(webhook.received("/hook")).as("one firing message, however many evaluations ran").hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(webhook.received("/hcm")).as("routed to province 79 only").isEmpty();
    }

    @Test
    @Order(2)
    void alertsAreScopedAndOnlyOperatorsAct() throws Exception {
        assertThat(get("/api/v1/alerts?state=firing", "leader-01")).hasSize(1);
        assertThat(get("/api/v1/alerts?state=firing", "leader-79")).isEmpty();
        assertThat(send("GET", "/api/v1/alerts?province=01", "leader-79", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/alerts?state=open", "operator", null).statusCode()).isEqualTo(400);
        long id = get("/api/v1/alerts?state=firing", "operator").get(0).get("id").asLong();

        assertThat(send("POST", "/api/v1/alerts/" + id + "/acknowledge", "inspector", "{\"comment\":\"x\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> ack = send("POST", "/api/v1/alerts/" + id + "/acknowledge", "operator",
                "{\"comment\":\"nhà mạng đang xử lý\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).get("acknowledgedBy").asString()).isEqualTo("operator");
        send("POST", "/api/v1/alerts/" + id + "/assign", "operator", "{\"assignee\":\"an.nguyen\"}");
        send("POST", "/api/v1/alerts/" + id + "/comments", "operator", "{\"comment\":\"đã gọi VNPT\"}");

        JsonNode detail = get("/api/v1/alerts/" + id, "operator");
        assertThat(detail.get("assignee").asString()).isEqualTo("an.nguyen");
        assertThat(detail.get("history").findValuesAsString("kind"))
                .containsSubsequence("firing", "acknowledged", "assigned", "commented");
        assertThat(detail.get("history").findValuesAsString("text")).contains("nhà mạng đang xử lý", "đã gọi VNPT");

        assertThat(get("/v3/api-docs", "inspector").get("paths").propertyNames()).contains("/api/v1/alerts",
                "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/acknowledge", "/api/v1/alerts/{id}/assign",
                "/api/v1/alerts/{id}/comments", "/api/v1/alerts/{id}/resolve", "/api/v1/silences",
                "/api/v1/silences/{id}");
    }

    @Test
    @Order(3)
    void aSilencedProvinceShowsItsAlertButSendsNothingUntilTheSilenceEnds() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> created = send("POST", "/api/v1/silences", "operator", """
                {"matchers":{"province":"79","rule":"portal-down"},"startsAt":"%s","endsAt":"%s",
                 "comment":"bảo trì đường truyền"}""".formatted(now.minusSeconds(60), now.plusSeconds(3600)));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/silences", "leader-79")).hasSize(1);
        assertThat(get("/api/v1/silences", "leader-01")).isEmpty();
        outage("79", "79001", "h");
        await(() -> get("/api/v1/alerts?state=firing&province=79", "operator"), a -> a.size() == 1);
        Thread.sleep(2000);
        assertThat(webhook.received("/hcm")).isEmpty();
        assertThat(webhook.received("/hook")).hasSize(1);

        // the maintenance ends early while the outage goes on: the page goes out then
        long silence = JSON.readTree(created.body()).get("id").asLong();
        assertThat(send("DELETE", "/api/v1/silences/" + silence, "operator", null).statusCode()).isEqualTo(204);
        List<WebhookReceiver.Received> paged = await(() -> webhook.received("/hcm"), l -> l.size() == 1);
        assertThat(paged.get(0).body().get("status").asString()).isEqualTo("firing");
    }

    @Test
    @Order(4)
    void recoveryResolvesTheAlertAndTellsTheChannelsThatHeardOfIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        probe("01", "01001", "dvc", "portal", true, now, "a0");
        probe("01", "01002", "dvc", "portal", true, now, "b0");
        // /hook hears of every province: 01's firing, 79's firing once its silence ended, then 01's resolution
        List<WebhookReceiver.Received> hook = await(() -> webhook.received("/hook"), l -> l.size() == 3);
        WebhookReceiver.Received resolution = hook.get(2);
        assertThat(resolution.body().get("status").asString()).isEqualTo("resolved");
        assertThat(resolution.body().get("alert").get("labels").get("province").asString()).isEqualTo("01");
        assertThat(resolution.body().get("alert").get("endsAt").isNull()).isFalse();
        await(() -> smtp.getReceivedMessages(), m -> m.length == 3);
        assertThat(smtp.getReceivedMessages()[2].getSubject()).startsWith("[RESOLVED critical]");
        JsonNode resolved = get("/api/v1/alerts?state=resolved&province=01", "operator");
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).get("acknowledgedBy").asString()).isEqualTo("operator");

        String metrics = await(() -> text("/actuator/prometheus"),
                m -> m.contains("ioc_alerts{application=\"ioc-monitor\",severity=\"critical\",state=\"resolved\"} 1.0"));
        assertThat(metrics).contains("ioc_alerts{application=\"ioc-monitor\",severity=\"critical\",state=\"firing\"} 1.0");
    }

    @Test
    @Order(5)
    void aBadRuleFileIsReportedAndTheLastGoodRulesStay() throws Exception {
        Files.writeString(rules.resolve("sites.yaml"), RULES.replace("condition: \"> 0\"", "condition: \"> 0\"\n"
                + "    for: 5 minutes"));
        JsonNode health = await(() -> get("/actuator/health", "operator"),
                h -> "WARNING".equals(h.get("status").asString()));
        assertThat(health.get("components").get("alertRules").get("details").get("problems").get(0).asString())
                .endsWith("sites.yaml: rule \"portal-down\": field \"for\": \"5 minutes\" is not a duration (e.g. 5m)");
        assertThat(health.get("components").get("alertRules").get("details").get("rulesInForce").asInt()).isOne();
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);

        Files.writeString(rules.resolve("sites.yaml"), RULES);
        await(() -> get("/actuator/health", "operator"), h -> "UP".equals(h.get("status").asString()));
    }

    @Test
    @Order(6)
    void aHungReceiverHoldsUpNeitherOtherAlertsNorOtherChannels() throws Exception {
        outage("46", "46001", "s");
        await(() -> webhook.arrivals("/slow"), n -> n >= 1);
        // whoever sends to /slow now waits 10 s for an answer that does not come, then retries
        Instant published = Instant.now();
        outage("04", "04001", "t");
        await(() -> get("/api/v1/alerts?state=firing&province=04", "operator"), a -> a.size() == 1);
        Duration stored = Duration.between(published, Instant.now());
        WebhookReceiver.Received paged = await(() -> webhook.received("/hook").stream()
                .filter(r -> r.body().get("alert").get("labels").get("province").asString().equals("04")).toList(),
                l -> !l.isEmpty()).getFirst();
        Duration told = Duration.between(published, Instant.ofEpochMilli(paged.receivedAtMillis()));
        System.out.println("with a hung receiver: another alert fired " + stored.toMillis() + " ms and its channel "
                + "heard of it " + told.toMillis() + " ms after its data was published");
        assertThat(stored).as("another alert fires without waiting for the hung delivery (10 s)")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(told).as("another channel hears of it without waiting for the hung one")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(webhook.received("/slow")).isEmpty();
    }

    @Test
    @Order(7)
    void aLeaderThatLosesItsLockWhileDeliveringIsNotRepeatedByTheNext() throws Exception {
        outage("56", "56001", "l");
        await(() -> webhook.arrivals("/late"), n -> n == 1);
        // the receiver holds this message for 4 s; meanwhile the leader's session (and with it the lock) ends, and
        // the next leader (this instance again, on a new session) must not send the message a second time
        int deposed = leaderSession().orElseThrow();
        jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, deposed);
        await(AlertingIT::leaderSession, p -> p.isPresent() && p.getAsInt() != deposed);
        await(() -> webhook.received("/late"), l -> l.size() == 1);
        Thread.sleep(3000);
        assertThat(webhook.arrivals("/late")).as("delivered once, across the change of leader").isOne();
    }

    @Test
    @Order(8)
    void heartbeatsTellingOfDiscardedEventsAreStoredAndPageOnceForTheProvince() throws Exception {
        Files.writeString(rules.resolve("collectors.yaml"), """
                rules:
                  - name: collector-dropped-events
                    signal: collector-dropped-events
                    window: 8s
                    scope: each-commune
                    condition: "> 0"
                    severity: major
                    labels: {team: noc}
                    summary: {vi: "{province}: bộ thu thập hủy sự kiện tại {members}",
                              en: "{province}: collectors discarded events at {members}"}
                    runbook: {vi: "Kiểm tra đường truyền", en: "Check the link"}
                """);
        await(() -> get("/actuator/health", "operator"),
                h -> h.get("components").get("alertRules").get("details").get("rulesInForce").asInt() == 2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a collector back from an outage: its queued heartbeats arrive together, the last one after the cap was hit
        heartbeats("48", "48001", "dn-1", now, "\"queueDepth\":40,\"dropped\":0", "\"queueDepth\":9000,\"dropped\":0",
                "\"queueDepth\":9000,\"dropped\":250");
        heartbeats("48", "48002", "dn-2", now, "\"queueDepth\":3,\"dropped\":7", "\"queueDepth\":0,\"dropped\":7");
        heartbeats("48", "48003", "dn-old", now, "\"commune\":\"48003\"");
        heartbeats("48", "48004", "dn-bad", now, "\"dropped\":\"many\"");

        JsonNode alert = await(() -> get("/api/v1/alerts?state=firing&province=48", "operator"),
                a -> a.size() == 1).get(0);
        assertThat(alert.get("rule").asString()).isEqualTo("collector-dropped-events");
        assertThat(alert.get("severity").asString()).isEqualTo("major");
        assertThat(alert.get("members").findValuesAsString("key")).as("the collector whose count grew, only")
                .containsExactly("collector=dn-1 commune=48001");
        assertThat(alert.get("members").get(0).get("value").asDouble()).isEqualTo(250.0);

        assertThat(jdbc().queryForList("""
                SELECT collector, queue_depth, dropped FROM heartbeat_event WHERE province = '48'
                ORDER BY collector, ts""").stream().map(r -> r.get("collector") + " " + r.get("queue_depth") + " "
                + r.get("dropped")).toList()).as("stored with the heartbeats; absent from an older collector's")
                .containsExactly("dn-1 40 0", "dn-1 9000 0", "dn-1 9000 250", "dn-2 3 7", "dn-2 0 7",
                        "dn-old null null");
        assertThat(get("/api/v1/dead-letters?limit=100", "operator").findValuesAsString("reason"))
                .contains("field \"dropped\": expected an integer, got string");

        // nothing more is dropped: once the heartbeats that told of it are older than the window, the alert resolves
        List<WebhookReceiver.Received> told = await(() -> webhook.received("/hook").stream()
                .filter(r -> r.body().get("alert").get("rule").asString().equals("collector-dropped-events"))
                .toList(), l -> l.size() == 2);
        assertThat(told.stream().map(r -> r.body().get("status").asString()).toList())
                .containsExactly("firing", "resolved");
        assertThat(told.getFirst().body().get("alert").get("labels").get("province").asString()).isEqualTo("48");
    }

    /** A collector's online heartbeats as one batch, a minute apart up to {@code last}, each with its fields. */
    private static void heartbeats(String province, String commune, String collector, Instant last,
            String... fields) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            events.add("""
                    {"id":"%s-hb-%d","ts":"%s","collector":"%s","status":"online","version":"1.4",%s}"""
                    .formatted(collector, i, last.minus(Duration.ofMinutes(fields.length - 1 - i)), collector,
                            fields[i]));
        }
        MqttMessage message = new MqttMessage(("[" + String.join(",", events) + "]")
                .getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        publisher.publish("ioc/v1/" + province + "/" + commune + "/heartbeat", message);
    }

    /** The backend of the session that holds the alerting leader lock in the test's database. */
    private static OptionalInt leaderSession() {
        List<Integer> pids = jdbc().queryForList("""
                SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND ((classid::bigint << 32) | objid::bigint) = ?""", Integer.class, AlertingLeader.LOCK_KEY);
        return pids.isEmpty() ? OptionalInt.empty() : OptionalInt.of(pids.getFirst());
    }

    private static JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    /** Three failed probes of the commune's portal, a minute apart up to now: an outage. */
    private static void outage(String province, String commune, String id) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int minute = 3; minute >= 1; minute--) {
            probe(province, commune, "dvc", "portal", false, now.minus(Duration.ofMinutes(minute)), id + minute);
        }
    }

    private static void probe(String province, String commune, String target, String type, boolean up, Instant ts,
            String id) throws Exception {
        String payload = """
                {"id":"%s-%s","ts":"%s","target":"%s","targetType":"%s","method":"http","up":%s}"""
                .formatted(commune, id, ts, target, type, up);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        publisher.publish("ioc/v1/" + province + "/" + commune + "/probe", message);
    }

    private static JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> response = send("GET", path, user, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 503);
        return JSON.readTree(response.body());
    }

    private static String text(String path) throws Exception {
        return send("GET", path, null, null).body();
    }

    private static HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds (at most 20 s), returning the last value. */
    static <T> T await(ThrowingSupplier<T> value, java.util.function.Predicate<T> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        T last = value.get();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 20 s; last: " + (last instanceof Object[] a
                        ? java.util.Arrays.toString(a) : last));
            }
            Thread.sleep(200);
            last = value.get();
        }
        return last;
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
