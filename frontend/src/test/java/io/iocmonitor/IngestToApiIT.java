package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.store.RawEventRetention;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole data path on real parts: events published with Paho to a real broker are validated, de-duplicated,
 * stored in a real PostgreSQL and counted by GET /api/v1/kpis, within seconds; bad input stops nothing.
 */
class IngestToApiIT {

    private static final String OCTOBER = "from=2025-10-01&to=2025-11-01";
    private static final JsonMapper JSON = RunningApp.JSON;

    private static RunningApp app;

    @BeforeAll
    static void startApplicationAndPublish() throws Exception {
        app = RunningApp.start();

        String d1 = received("e1", "D1", "2025-10-10T09:00:00+07:00", "online", true, "online");
        publish("01/01001", d1);
        publish("01/01001", completed("e2", "D1", "2025-10-12T10:00:00+07:00", true));
        publish("01/01001", d1); // the same event again
        publish("01/01002", received("e3", "D1", "2025-10-11T09:00:00+07:00", "offline", false, "offline"));
        publish("01/01001", "{this is not json");
        publish("01/01003", received("e4", "D2", "2025-10-20T09:00:00+07:00", "offline", false, "none"));
        publishKind("01/01001/vneid", """
                [{"id":"v1","ts":"2025-10-21T09:00:00+07:00","result":"ok","latencyMs":850},
                 {"id":"v2","ts":"2025-10-21T09:01:00+07:00","result":"fail","latencyMs":120,"errorCode":"E401"}]""");
        publishKind("01/01001/probe", """
                {"id":"p1","ts":"2025-10-21T09:00:00+07:00","target":"dichvucong.gov.vn","targetType":"portal",
                 "method":"http","up":true,"latencyMs":230}""");
        publishKind("01/-/sync", """
                {"id":"s1","ts":"2025-10-21T09:00:00+07:00","system":"mcdt-hanoi","pending":12,"failed":1,
                 "lagSeconds":340}""");
        publishKind("01/01001/heartbeat", """
                {"id":"h1","ts":"2025-10-21T09:00:00+07:00","collector":"c-01001","version":"0.1.0","status":"online"}""");
        publishKind("01/01001/probe", """
                {"id":"p2","ts":"2025-10-21T09:00:00+07:00","target":"x","targetType":"satellite","method":"http",
                 "up":true}""");
        publishKind("01/01002/probe", "[" + probe("q1", "09:00", true) + "," + probe("q2", "09:01", false) + ","
                + probe("q4", "09:03", false) + "," + probe("q5", "09:04", true) + "]");
        publishKind("01/01002/probe", probe("q3", "09:02", false)); // late: completes the run of three
        // month boundary in ICT: the last second of October, the first of November, and that instant in UTC
        publish("08/08001", "[" + received("b1", "B1", "2025-10-31T23:59:59+07:00", "online", true, "none") + ","
                + received("b2", "B2", "2025-11-01T00:00:00+07:00", "online", true, "none") + ","
                + received("b3", "B3", "2025-10-31T17:00:00Z", "offline", false, "none") + "]");
        // completed exactly at its deadline (25 Oct 17:00 ICT) is on time
        publish("08/08001", completed("b4", "B1", "2025-10-25T17:00:00+07:00", true));
        publish("79/-", "[" + received("e5", "D9", "2025-10-21T09:00:00+07:00", "online", true, "none")
                + ", {\"id\":\"e6\",\"ts\":\"2025-10-21T09:00:00+07:00\",\"dossierId\":\"D10\","
                + "\"procedureCode\":\"1.001612\",\"event\":\"received\"}]");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static String received(String id, String dossier, String ts, String channel, boolean fullProcess,
            String payment) {
        return """
                {"id":"%s","ts":"%s","dossierId":"%s","procedureCode":"1.004227","event":"received",
                 "channel":"%s","fullProcess":%s,"dueAt":"2025-10-25T17:00:00+07:00","digitized":true,
                 "payment":"%s"}""".formatted(id, ts, dossier, channel, fullProcess, payment);
    }

    private static String probe(String id, String time, boolean up) {
        return """
                {"id":"%s","ts":"2025-10-22T%s:00+07:00","target":"dvc-province","targetType":"provincial-system",
                 "method":"http","up":%s}""".formatted(id, time, up);
    }

    private static String completed(String id, String dossier, String ts, boolean eResult) {
        return """
                {"id":"%s","ts":"%s","dossierId":"%s","procedureCode":"1.004227","event":"completed",
                 "eResult":%s,"eSigned":true}""".formatted(id, ts, dossier, eResult);
    }

    private static void publish(String site, String payload) throws Exception {
        publishKind(site + "/dossier", payload);
    }

    private static void publishKind(String siteAndKind, String payload) throws Exception {
        app.publish(siteAndKind, payload);
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return app.get(path, user);
    }

    private static JsonNode getJson(String path, String user) throws Exception {
        return app.json(path, user);
    }

    /** Polls until the KPI answer satisfies the condition: ingestion is asynchronous. */
    private static JsonNode awaitKpis(String query, Predicate<JsonNode> condition) throws Exception {
        return awaitJson("/api/v1/kpis?" + query, condition);
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> condition) throws Exception {
        return app.await(path, condition);
    }

    @Test
    void publishedEventsReachTheKpisAndARepeatIsCountedOnce() throws Exception {
        JsonNode body = awaitKpis(OCTOBER + "&groupBy=none&province=01",
                b -> b.get("rows").get(0).get("received").asLong() == 2);
        JsonNode all = body.get("rows").get(0);
        assertThat(all.get("key").asString()).isEqualTo("all");
        // D1 (its earliest received, online and full-process) and D2; the repeat and the later received of D1
        // count nothing
        assertThat(all.get("received").asLong()).isEqualTo(2);
        assertThat(all.get("receivedOnline").asLong()).isEqualTo(1);
        assertThat(all.get("completed").asLong()).isEqualTo(1);
        assertThat(all.get("fullyOnline").asLong()).isEqualTo(1);
        assertThat(all.get("fullProcessOnlineRate").asDouble()).isEqualTo(1.0);
        assertThat(all.get("onlineSubmissionRate").asDouble()).isEqualTo(0.5);
        assertThat(all.get("insufficientData").toString()).contains("fullProcessOnlineRate");
    }

    @Test
    void aMalformedMessageDoesNotStopTheNextAndABadBatchElementSparesTheOthers() throws Exception {
        JsonNode body = awaitKpis(OCTOBER + "&groupBy=province",
                b -> rowOf(b, "79").get("received").asLong() == 1 && rowOf(b, "01").get("received").asLong() == 2);
        assertThat(rowOf(body, "79").get("received").asLong()).isEqualTo(1);
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        List<Map<String, Object>> deadLetters = jdbc.queryForList(
                "SELECT topic, reason, payload FROM dead_letter ORDER BY id");
        assertThat(deadLetters).extracting(r -> r.get("reason").toString())
                .anySatisfy(reason -> assertThat(reason).startsWith("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("field \"channel\" is missing"));
        assertThat(deadLetters).extracting(r -> r.get("payload").toString())
                .anySatisfy(payload -> assertThat(payload).contains("\"e6\""));
    }

    @Test
    void groupByProvinceHasEveryProvinceWithZerosWhereNothingHappened() throws Exception {
        JsonNode body = getJson("/api/v1/kpis?" + OCTOBER + "&groupBy=province", "inspector");
        assertThat(body.get("groupBy").asString()).isEqualTo("province");
        assertThat(body.get("rows")).hasSize(34);
        JsonNode quiet = rowOf(body, "04");
        assertThat(quiet.get("received").asLong()).isZero();
        assertThat(quiet.get("fullProcessOnlineRate").isNull()).isTrue();
    }

    @Test
    void provincesListsTheThirtyFourWithTheirCommuneCounts() throws Exception {
        JsonNode body = getJson("/api/v1/provinces", "inspector");
        assertThat(body).hasSize(34);
        assertThat(body.get(0).get("code").asString()).isEqualTo("01");
        assertThat(body.get(0).get("name").asString()).isEqualTo("Thành phố Hà Nội");
        assertThat(body.get(0).get("communes").asInt()).isEqualTo(126);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        assertThat(get("/api/v1/kpis?" + OCTOBER, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/kpis?" + OCTOBER, "nobody").statusCode()).isEqualTo(401);
    }

    @Test
    void aLeaderSeesOnlyTheirProvince() throws Exception {
        JsonNode body = getJson("/api/v1/kpis?" + OCTOBER + "&groupBy=province", "leader-01");
        assertThat(body.get("rows")).hasSize(1);
        assertThat(body.get("rows").get(0).get("key").asString()).isEqualTo("01");
        assertThat(getJson("/api/v1/provinces", "leader-01")).hasSize(1);
        assertThat(get("/api/v1/kpis?" + OCTOBER + "&province=79", "leader-01").statusCode()).isEqualTo(403);
        awaitKpis(OCTOBER + "&groupBy=none&province=79", b -> b.get("rows").get(0).get("received").asLong() == 1);
        JsonNode own = getJson("/api/v1/kpis?" + OCTOBER + "&groupBy=none", "leader-79");
        assertThat(own.get("rows").get(0).get("received").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreNamed() throws Exception {
        HttpResponse<String> response = get("/api/v1/kpis?from=2025-10-01&to=2025-11-01&groupBy=galaxy", "inspector");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("groupBy \\\"galaxy\\\" is not supported");
    }

    @Test
    void healthAndIngestMetricsAreExposed() throws Exception {
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        awaitKpis(OCTOBER + "&groupBy=none", b -> b.get("rows").get(0).get("received").asLong() >= 3);
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("ioc_ingest_events_total{");
        assertThat(metrics).contains("ioc_ingest_rejected_total{");
    }

    @Test
    void everyKindIsStoredAndABadProbeBecomesADeadLetter() throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((jdbc.queryForObject("SELECT count(*) FROM heartbeat_event", Long.class) == 0
                || jdbc.queryForObject("SELECT count(*) FROM dead_letter WHERE payload LIKE '%satellite%'",
                        Long.class) == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jdbc.queryForList("SELECT result FROM vneid_event WHERE province = '01' ORDER BY ts",
                String.class))
                .containsExactly("ok", "fail");
        assertThat(jdbc.queryForObject("SELECT target_type FROM probe_event WHERE event_id = 'p1'", String.class)).isEqualTo("portal");
        assertThat(jdbc.queryForObject("SELECT lag_seconds FROM sync_event WHERE system = 'mcdt-hanoi'", Long.class))
                .isEqualTo(340);
        assertThat(jdbc.queryForObject("SELECT status FROM heartbeat_event WHERE event_id = 'h1'", String.class)).isEqualTo("online");
        assertThat(jdbc.queryForObject(
                "SELECT last_event_ts = '2025-10-21T02:01:00Z' FROM site_activity WHERE province = '01' AND commune = '01001'",
                Boolean.class)).isTrue();

        JsonNode deadLetters = getJson("/api/v1/dead-letters?limit=50", "operator");
        assertThat(deadLetters.toString()).contains("field \\\"targetType\\\": \\\"satellite\\\" is not one of");
        JsonNode first = deadLetters.get(0);
        assertThat(first.has("receivedAt") && first.has("topic") && first.has("reason") && first.has("payload"))
                .isTrue();
        JsonNode forLeader79 = getJson("/api/v1/dead-letters", "leader-79");
        forLeader79.forEach(d -> assertThat(d.get("topic").asString()).startsWith("ioc/v1/79/"));
    }

    @Test
    void textWithTabsNewlinesAndBackslashesIsStoredAsSent() throws Exception {
        // raw dossier events go in through COPY, whose text format gives these characters a meaning; a lone
        // cancellation, so that no figure of the other tests changes
        String dossierId = "HS\\t 2026\t/01\nb\\\\";
        publish("01/01001", """
                {"id":"copy-1","ts":"2025-06-20T09:00:00+07:00","dossierId":"%s","procedureCode":"1.004227",
                 "event":"cancelled"}""".formatted(dossierId.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n")));
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM dossier_event WHERE event_id = 'copy-1'", Long.class) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jdbc.queryForObject("SELECT dossier_id FROM dossier_event WHERE event_id = 'copy-1'",
                String.class)).isEqualTo(dossierId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dossier WHERE dossier_id = ?", Long.class, dossierId))
                .isEqualTo(1);
    }

    @Test
    void rawEventsOlderThanTheRetentionAreDeletedAndTheRestKept() {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO probe_event (event_id, ts, province, commune, target, target_type, method, up)
                VALUES ('ancient', now() - interval '3 years 1 day', '01', '01001', 't', 'portal', 'http', true),
                       ('recent', now() - interval '2 years 11 months', '01', '01001', 't', 'portal', 'http', true)""");
        assertThat(app.bean(RawEventRetention.class).deleteExpiredRawEvents()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT event_id FROM probe_event WHERE target = 't'", String.class))
                .containsExactly("recent");
    }

    @Test
    void vneidAttemptsSuccessAndLatencyPercentiles() throws Exception {
        JsonNode body = awaitJson("/api/v1/vneid?" + OCTOBER + "&groupBy=province",
                b -> rowOf(b, "01").get("attempts").asLong() == 2);
        assertThat(body.get("rows")).hasSize(34);
        JsonNode hanoi = rowOf(body, "01");
        assertThat(hanoi.get("ok").asLong()).isEqualTo(1);
        assertThat(hanoi.get("successRate").asDouble()).isEqualTo(0.5);
        assertThat(hanoi.get("p50LatencyMs").asDouble()).isEqualTo(850.0);
        assertThat(hanoi.get("p95LatencyMs").asDouble()).isEqualTo(850.0);
        assertThat(rowOf(body, "79").get("successRate").isNull()).isTrue();
    }

    @Test
    void vneidPercentilesEqualPostgresqlsOverTheRawEvents() throws Exception {
        // 450 logins in a commune of province 12 on 14, 15 and 30 October, latencies with many repeats
        java.util.Random random = new java.util.Random(12);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 450; i++) {
            String result = random.nextInt(20) == 0 ? "fail" : "ok";
            batch.append(i == 0 ? "" : ",").append("""
                    {"id":"vp%d","ts":"2025-10-%02dT%02d:%02d:00+07:00","result":"%s","latencyMs":%d}"""
                    .formatted(i, new int[] {14, 15, 30}[i % 3], 8 + i % 10, i % 60, result,
                            300 + random.nextInt(40) * 25));
        }
        publishKind("12/12001/vneid", batch.append("]").toString());
        app.awaitStoredAndRolledUp(450);
        // October whole (monthly histograms), per commune (raw events), the days alone (daily histograms)
        assertPercentilesAsPostgresql("2025-11-01", List.of(OCTOBER + "&groupBy=province",
                OCTOBER + "&groupBy=commune", OCTOBER + "&groupBy=month", "from=2025-10-14&to=2025-11-02&groupBy=none"));
        // without the 30th: October less its first two and last two days, and the 14th and 15th as days
        assertPercentilesAsPostgresql("2025-10-30", List.of("from=2025-10-03&to=2025-10-30&groupBy=none",
                "from=2025-10-03&to=2025-10-30&groupBy=month", "from=2025-10-14&to=2025-10-16&groupBy=none"));
        JsonNode days = getJson("/api/v1/vneid?" + OCTOBER + "&province=12&groupBy=day", "inspector");
        assertThat(days.get("rows").valueStream().mapToLong(r -> r.get("attempts").asLong()).sum()).isEqualTo(450);
    }

    private static void assertPercentilesAsPostgresql(String before, List<String> queries) throws Exception {
        Map<String, Object> expected = app.bean(JdbcTemplate.class).queryForMap("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
                FROM vneid_event
                WHERE province = '12' AND result = 'ok' AND ts < CAST(? AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                """, before);
        for (String query : queries) {
            JsonNode row = getJson("/api/v1/vneid?" + query + "&province=12", "inspector").get("rows").get(0);
            assertThat(row.get("p50LatencyMs").asDouble()).as(query).isEqualTo((Double) expected.get("p50"));
            assertThat(row.get("p95LatencyMs").asDouble()).as(query).isEqualTo((Double) expected.get("p95"));
        }
    }

    @Test
    void calendarGroupingPutsReceivedAndCompletedInTheirOwnDaysInIct() throws Exception {
        JsonNode body = awaitJson("/api/v1/kpis?from=2025-10-10&to=2025-10-13&groupBy=day&province=01",
                b -> b.get("rows").get(0).get("received").asLong() == 1);
        assertThat(body.get("rows")).extracting(r -> r.get("key").asString())
                .containsExactly("2025-10-10", "2025-10-11", "2025-10-12");
        // D1 received on the 10th (its earliest received), completed on the 12th
        assertThat(body.get("rows").get(0).get("received").asLong()).isEqualTo(1);
        assertThat(body.get("rows").get(1).get("received").asLong()).isZero();
        assertThat(body.get("rows").get(2).get("completed").asLong()).isEqualTo(1);
        assertThat(body.get("rows").get(2).get("fullyOnline").asLong()).isEqualTo(1);
        JsonNode months = getJson("/api/v1/kpis?from=2025-10-01&to=2025-12-01&groupBy=month&province=01", "inspector");
        assertThat(months.get("rows")).extracting(r -> r.get("key").asString()).containsExactly("2025-10-01", "2025-11-01");
        // D2 (due 25 Oct, never completed) is overdue at the end of October and of November
        assertThat(months.get("rows").get(0).get("overdueOpen").asLong()).isEqualTo(1);
        assertThat(months.get("rows").get(1).get("overdueOpen").asLong()).isEqualTo(1);
    }

    @Test
    void aLastWillAmongHeartbeatsSentLaterEndsAtTheNextOne() throws Exception {
        // 04004's collector drops: the broker publishes its will, stored at its arrival W. Back online, it sends
        // what it queued meanwhile: beats at W − 60 s, W + 3 s and W + 6 s, so the will falls inside their run.
        publishKind("04/04004/heartbeat", beat("w1", Instant.now().minusSeconds(600), "offline"));
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        Instant will = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); will == null
                && System.nanoTime() < deadline; Thread.sleep(200)) {
            will = jdbc.query("SELECT ts FROM heartbeat_event WHERE event_id = 'w1'",
                    rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null);
        }
        assertThat(will).as("the will stored").isNotNull();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), will.plusSeconds(7)).toMillis()));
        long stored = jdbc.queryForObject("SELECT count(*) FROM ingested_event", Long.class);
        publishKind("04/04004/heartbeat", "[" + beat("w2", will.minusSeconds(60), "online") + ","
                + beat("w3", will.plusSeconds(3), "online") + "," + beat("w4", will.plusSeconds(6), "online") + "]");
        app.awaitStoredAndRolledUp(stored + 3);
        String today = io.iocmonitor.base.Ict.dateOf(will).toString();
        String tomorrow = io.iocmonitor.base.Ict.dateOf(will).plusDays(1).toString();
        JsonNode outages = getJson("/api/v1/outages?from=" + today + "&to=" + tomorrow + "&province=04", "operator");
        // the will's outage ends at the beat after it (W + 3 s), found inside the run W − 60 s … W + 6 s
        assertThat(outages.valueStream().filter(o -> o.get("commune").asString().equals("04004"))
                .map(o -> List.of(o.get("cause").asString(), Instant.parse(o.get("start").asString()),
                        Instant.parse(o.get("end").asString()))))
                .containsExactly(List.of("silent", will, will.plusSeconds(3)));
    }

    private static String beat(String id, Instant ts, String status) {
        return """
                {"id":"%s","ts":"%s","collector":"c-04004","version":"0.1.0","status":"%s"}"""
                .formatted(id, ts, status);
    }

    @Test
    void aLateSuccessInsideAStoredOutageTakesItAway() throws Exception {
        // 04005's portal fails at 10:01, 10:03 and 10:04: an outage from 10:01, stored
        long stored = app.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM ingested_event", Long.class);
        publishKind("04/04005/probe", "[" + lateProbe("lu1", "10:01", false) + "," + lateProbe("lu3", "10:03", false)
                + "," + lateProbe("lu4", "10:04", false) + "]");
        app.awaitStoredAndRolledUp(stored + 3);
        assertThat(outagesOf("04005")).containsExactly("2025-10-24T03:01:00Z open");
        // then a success at 10:02 arrives late: never three failures in a row; a failure at 10:05 and a success at
        // 10:06 make 10:03–10:05 three in a row, an outage until 10:06
        publishKind("04/04005/probe", lateProbe("lu2", "10:02", true));
        app.awaitStoredAndRolledUp(stored + 4);
        assertThat(outagesOf("04005")).isEmpty();
        publishKind("04/04005/probe", "[" + lateProbe("lu5", "10:05", false) + "," + lateProbe("lu6", "10:06", true)
                + "]");
        app.awaitStoredAndRolledUp(stored + 6);
        assertThat(outagesOf("04005")).containsExactly("2025-10-24T03:03:00Z 2025-10-24T03:06:00Z");
    }

    private static List<String> outagesOf(String commune) throws Exception {
        return getJson("/api/v1/outages?" + OCTOBER + "&province=04", "operator").valueStream()
                .filter(o -> o.get("commune").asString().equals(commune))
                .map(o -> o.get("start").asString() + " " + (o.get("end").isNull() ? "open" : o.get("end").asString()))
                .toList();
    }

    private static String lateProbe(String id, String time, boolean up) {
        return """
                {"id":"%s","ts":"2025-10-24T%s:00+07:00","target":"dvc","targetType":"portal","method":"http",
                 "up":%s}""".formatted(id, time, up);
    }

    @Test
    void probeAndSilentOutagesOverlappingThePeriod() throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // all five results stored, and the outages and signs of life brought up to date since the late one (q3)
        while ((jdbc.queryForObject("SELECT count(*) FROM probe_event WHERE target = 'dvc-province'", Long.class) < 5
                || jdbc.queryForObject("SELECT (SELECT count(*) FROM probe_outage_dirty)"
                        + " + (SELECT count(*) FROM site_run_dirty)", Long.class) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonNode outages = getJson("/api/v1/outages?" + OCTOBER + "&province=01", "operator");
        JsonNode probe = null;
        JsonNode silent = null;
        for (JsonNode o : outages) {
            if (o.get("cause").asString().equals("probe")) {
                probe = o;
            } else {
                silent = o;
            }
        }
        assertThat(probe).as(outages.toString()).isNotNull();
        assertThat(probe.get("commune").asString()).isEqualTo("01002");
        assertThat(probe.get("target").asString()).isEqualTo("dvc-province");
        assertThat(probe.get("start").asString()).isEqualTo("2025-10-22T02:01:00Z");
        assertThat(probe.get("end").asString()).isEqualTo("2025-10-22T02:04:00Z");
        assertThat(probe.get("durationSeconds").asLong()).isEqualTo(180);
        // the collector of 01001 sent its heartbeat and last events on the 21st, then nothing
        assertThat(silent).as(outages.toString()).isNotNull();
        assertThat(silent.get("commune").asString()).isEqualTo("01001");
        assertThat(silent.get("start").asString()).isEqualTo("2025-10-21T02:01:00Z");
        assertThat(silent.get("end").isNull()).isTrue();
        assertThat(getJson("/api/v1/outages?" + OCTOBER, "leader-79")).isEmpty();

        JsonNode summary = getJson("/api/v1/outages/summary?" + OCTOBER, "operator");
        assertThat(summary).hasSize(34);
        JsonNode hanoi = summary.valueStream().filter(r -> r.get("province").asString().equals("01")).findFirst()
                .orElseThrow();
        assertThat(hanoi.get("outages").asInt()).isEqualTo(2);
        assertThat(hanoi.get("open").asInt()).as("the silent collector").isEqualTo(1);
        assertThat(hanoi.get("ended").asInt()).isEqualTo(1);
        assertThat(hanoi.get("mttrSeconds").asLong()).as("the probe outage's 3 minutes").isEqualTo(180);
        assertThat(getJson("/api/v1/outages/summary?" + OCTOBER, "leader-79")).hasSize(1);
        assertThat(get("/api/v1/outages?" + OCTOBER + "&province=01", "leader-79").statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        JsonNode paths = getJson("/v3/api-docs", "inspector").get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/provinces", "/api/v1/kpis", "/api/v1/vneid",
                "/api/v1/outages", "/api/v1/dead-letters", "/api/v1/outages/summary", "/api/v1/availability",
                "/api/v1/sync", "/api/v1/data-quality", "/api/v1/index", "/api/v1/targets", "/api/v1/targets/{id}",
                "/api/v1/trajectory");
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aMonthEndsAtMidnightInIctAndCompletionAtTheDeadlineIsOnTime() throws Exception {
        JsonNode october = awaitKpis(OCTOBER + "&groupBy=none&province=08",
                b -> b.get("rows").get(0).get("completed").asLong() == 1);
        JsonNode oct = october.get("rows").get(0);
        assertThat(oct.get("received").asLong()).as("23:59:59 ICT on 31 October").isEqualTo(1);
        assertThat(oct.get("onTime").asLong()).as("completed exactly at dueAt").isEqualTo(1);
        assertThat(oct.get("overdueCompleted").asLong()).isZero();
        JsonNode november = getJson("/api/v1/kpis?from=2025-11-01&to=2025-12-01&groupBy=none&province=08",
                "inspector").get("rows").get(0);
        assertThat(november.get("received").asLong()).as("00:00:00 ICT, written in ICT and in UTC").isEqualTo(2);
    }

    @Test
    void syncShowsTheLatestStatePerSystemWhateverOrderItArrivesIn() throws Exception {
        publishKind("11/-/sync", """
                {"id":"sy2","ts":"2025-10-21T10:00:00+07:00","system":"mcdt-11","pending":3,"failed":0,
                 "lagSeconds":120}""");
        publishKind("11/-/sync", """
                {"id":"sy1","ts":"2025-10-21T09:00:00+07:00","system":"mcdt-11","pending":40,"failed":2,
                 "lagSeconds":1800}""");
        JsonNode sync = awaitJson("/api/v1/sync?province=11", b -> b.size() == 1
                && app.bean(JdbcTemplate.class).queryForObject(
                        "SELECT count(*) FROM sync_event WHERE province = '11'", Long.class) == 2);
        assertThat(sync).hasSize(1);
        assertThat(sync.get(0).get("system").asString()).isEqualTo("mcdt-11");
        assertThat(sync.get(0).get("lagSeconds").asLong()).as("the newer state, although it came first")
                .isEqualTo(120);
        assertThat(sync.get(0).get("pending").asLong()).isEqualTo(3);
        assertThat(get("/api/v1/sync?province=11", "leader-01").statusCode()).isEqualTo(403);
        getJson("/api/v1/sync", "leader-01").forEach(r -> assertThat(r.get("province").asString()).isEqualTo("01"));
    }

    @Test
    void dataQualityCountsReportingCommunesFreshnessAndRejects() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String today = io.iocmonitor.base.Ict.dateOf(now).toString();
        String tomorrow = io.iocmonitor.base.Ict.dateOf(now).plusDays(1).toString();
        String ts = now.minusSeconds(120).toString();
        publishKind("96/96001/heartbeat", """
                {"id":"dq1","ts":"%s","collector":"c","version":"1","status":"online"}""".formatted(ts));
        publishKind("96/96002/heartbeat", """
                [{"id":"dq2","ts":"%s","collector":"c","version":"1","status":"online"},
                 {"id":"dq3","ts":"%s","collector":"c","version":"1","status":"sleeping"}]""".formatted(ts, ts));
        publishKind("96/96002/heartbeat", """
                {"id":"dq2","ts":"%s","collector":"c","version":"1","status":"online"}""".formatted(ts));
        JsonNode quality = awaitJson("/api/v1/data-quality?from=" + today + "&to=" + tomorrow + "&province=96",
                b -> b.get(0).get("events").asLong() == 4);
        JsonNode row = quality.get(0);
        long communes = getJson("/api/v1/provinces", "inspector").valueStream()
                .filter(p -> p.get("code").asString().equals("96")).findFirst().orElseThrow().get("communes").asLong();
        assertThat(row.get("province").asString()).isEqualTo("96");
        assertThat(row.get("reportingCommunes").asLong()).isEqualTo(2);
        assertThat(row.get("communes").asLong()).isEqualTo(communes);
        assertThat(row.get("completeness").asDouble()).isEqualTo(2.0 / communes);
        assertThat(row.get("freshnessSeconds").asLong()).isBetween(120L, 180L);
        // three valid (the repeat of dq2 included: it was valid), one rejected
        assertThat(row.get("events").asLong()).isEqualTo(4);
        assertThat(row.get("rejected").asLong()).isEqualTo(1);
        assertThat(row.get("rejectedRate").asDouble()).isEqualTo(0.25);
        assertThat(getJson("/api/v1/data-quality?from=" + today + "&to=" + tomorrow, "inspector")).hasSize(34);
        assertThat(getJson("/api/v1/data-quality?from=" + today + "&to=" + tomorrow, "leader-79")).hasSize(1);
    }

    @Test
    void availabilityIsProbesUpOverAllProbes() throws Exception {
        // 01001: p1 up; 01002: q1 up, q2 q3 q4 down, q5 up (the probe with an unknown target type was rejected)
        JsonNode byCommune = awaitJson("/api/v1/availability?" + OCTOBER + "&province=01&groupBy=commune",
                b -> b.size() == 2 && b.get(1).get("probes").asLong() == 5);
        assertThat(byCommune.get(0).get("key").asString()).isEqualTo("01001");
        assertThat(byCommune.get(0).get("availability").asDouble()).isEqualTo(1.0);
        assertThat(byCommune.get(1).get("up").asLong()).isEqualTo(2);
        assertThat(byCommune.get(1).get("availability").asDouble()).isEqualTo(0.4);
        JsonNode province = getJson("/api/v1/availability?" + OCTOBER + "&province=01", "leader-01");
        assertThat(province.get(0).get("up").asLong()).isEqualTo(3);
        assertThat(province.get(0).get("probes").asLong()).isEqualTo(6);
        assertThat(province.get(0).get("insufficientData").asBoolean()).isTrue();
    }

    @Test
    void theIndexRatesEveryProvinceInScope() throws Exception {
        JsonNode index = getJson("/api/v1/index?" + OCTOBER, "inspector");
        assertThat(index).hasSize(34);
        JsonNode quiet = index.valueStream().filter(r -> r.get("key").asString().equals("96")).findFirst()
                .orElseThrow();
        assertThat(quiet.get("score").isNull()).as("nothing measured in October: no score").isTrue();
        assertThat(quiet.get("band").isNull()).isTrue();
        assertThat(getJson("/api/v1/index?" + OCTOBER, "leader-01")).hasSize(1);
        assertThat(get("/api/v1/index?" + OCTOBER + "&groupBy=day", "inspector").statusCode()).isEqualTo(400);
    }

    @Test
    void administratorsSetTargetsPerProvinceAndPeriodOverTheDefaults() throws Exception {
        JsonNode defaults = getJson("/api/v1/targets?province=04&date=2026-06-01", "leader-04");
        JsonNode online = targetOf(defaults, "fullProcessOnlineRate");
        assertThat(online.get("value").asDouble()).isEqualTo(0.80);
        assertThat(online.get("source").asString()).isEqualTo("default");
        assertThat(online.get("dueDate").asString()).isEqualTo("2026-12-31");

        String body = """
                {"kpi":"fullProcessOnlineRate","province":"04","validFrom":"2026-01-01","validTo":"2027-01-01",
                 "value":0.6}""";
        assertThat(send("POST", "/api/v1/targets", body, "leader-04").statusCode()).isEqualTo(403);
        HttpResponse<String> created = send("POST", "/api/v1/targets", body, "admin");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();

        JsonNode set = targetOf(getJson("/api/v1/targets?province=04&date=2026-06-01", "leader-04"),
                "fullProcessOnlineRate");
        assertThat(set.get("value").asDouble()).isEqualTo(0.6);
        assertThat(set.get("source").asString()).isEqualTo("set");
        assertThat(set.get("dueDate").asString()).as("keeps the national date").isEqualTo("2026-12-31");
        assertThat(targetOf(getJson("/api/v1/targets?province=04&date=2027-01-01", "leader-04"),
                "fullProcessOnlineRate").get("value").asDouble()).as("not after its period").isEqualTo(0.80);
        assertThat(targetOf(getJson("/api/v1/targets?province=12&date=2026-06-01", "inspector"),
                "fullProcessOnlineRate").get("value").asDouble()).as("not in another province").isEqualTo(0.80);
        assertThat(get("/api/v1/targets?province=12", "leader-04").statusCode()).isEqualTo(403);
        assertThat(detail(send("POST", "/api/v1/targets", "{\"kpi\":\"onlineRate\",\"value\":0.5}", "admin")))
                .contains("kpi \"onlineRate\" is not one of");
        assertThat(detail(send("POST", "/api/v1/targets", "{\"kpi\":\"onTimeRate\",\"value\":95}", "admin")))
                .contains("onTimeRate is a fraction in [0, 1]");

        assertThat(send("DELETE", "/api/v1/targets/" + id, null, "admin").statusCode()).isEqualTo(204);
        assertThat(targetOf(getJson("/api/v1/targets?province=04&date=2026-06-01", "leader-04"),
                "fullProcessOnlineRate").get("value").asDouble()).isEqualTo(0.80);
    }

    @Test
    void theTrajectoryJudgesTheLastThirtyDaysAgainstTheTargetDate() throws Exception {
        JsonNode t = getJson("/api/v1/trajectory?province=01", "leader-01");
        assertThat(t.get("kpi").asString()).isEqualTo("fullProcessOnlineRate");
        assertThat(t.get("target").asDouble()).isEqualTo(0.80);
        assertThat(t.get("dueDate").asString()).isEqualTo("2026-12-31");
        // the fixtures are of October 2025: nothing completed in the last 30 days
        assertThat(t.get("currentCompleted").asLong()).isZero();
        assertThat(t.get("status").asString()).isEqualTo("insufficient-data");
        assertThat(get("/api/v1/trajectory?province=79", "leader-01").statusCode()).isEqualTo(403);
    }

    private static String detail(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return JSON.readTree(response.body()).get("detail").asString();
    }

    private static JsonNode targetOf(JsonNode targets, String kpi) {
        return targets.valueStream().filter(t -> t.get("kpi").asString().equals(kpi)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        return app.send(method, path, body, user);
    }

    private static JsonNode rowOf(JsonNode body, String key) {
        for (JsonNode row : body.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + body);
    }
}
