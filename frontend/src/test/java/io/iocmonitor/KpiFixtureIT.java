package io.iocmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Every dossier KPI of SPEC §5 against a hand-computed fixture of September 2026 in province 14, published through
 * the broker, with the edge cases SPEC names. The minimum sample is 10 here, so that the province's rates are
 * comparable and a commune's are not. The expected figures are worked out dossier by dossier in the comments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiFixtureIT {

    private static final String SEPTEMBER = "from=2026-09-01&to=2026-10-01";
    private static final String DUE = "2026-09-20T17:00:00+07:00";

    private static RunningApp app;

    @BeforeAll
    static void publishTheFixture() throws Exception {
        app = RunningApp.start("--ioc.kpi.min-sample=10");
        // F1 fully online, paid online, on time
        received("f1", "F1", "2026-09-03T09:00:00+07:00", "online", true, "online", true, "2026-09-10T17:00:00+07:00");
        completed("f1c", "F1", "2026-09-05T10:00:00+07:00", true, true);
        // F2 fully online with no fee; not digitised; not e-signed
        received("f2", "F2", "2026-09-03T10:00:00+07:00", "online", true, "none", false, DUE);
        completed("f2c", "F2", "2026-09-06T10:00:00+07:00", true, false);
        // F3–F6: each condition of "fully online" missing once (channel, fullProcess, payment, eResult)
        received("f3", "F3", "2026-09-04T09:00:00+07:00", "offline", true, "online", true, DUE);
        completed("f3c", "F3", "2026-09-07T10:00:00+07:00", true, true);
        received("f4", "F4", "2026-09-04T10:00:00+07:00", "online", false, "online", true, DUE);
        completed("f4c", "F4", "2026-09-07T11:00:00+07:00", true, true);
        received("f5", "F5", "2026-09-05T09:00:00+07:00", "online", true, "offline", true, DUE);
        completed("f5c", "F5", "2026-09-08T10:00:00+07:00", true, true);
        received("f6", "F6", "2026-09-05T10:00:00+07:00", "online", true, "online", false, DUE);
        completed("f6c", "F6", "2026-09-08T11:00:00+07:00", false, false);
        // F7: its completed arrives before its received; joined when the received comes; fully online
        completed("f7c", "F7", "2026-09-08T12:00:00+07:00", true, true);
        received("f7", "F7", "2026-09-04T11:00:00+07:00", "online", true, "online", true, DUE);
        // F8: received twice with other ids; the earlier (offline, no fee paid online, not digitised) counts
        received("f8a", "F8", "2026-09-06T09:00:00+07:00", "online", true, "online", true, DUE);
        received("f8b", "F8", "2026-09-05T09:00:00+07:00", "offline", false, "offline", false, DUE);
        completed("f8c", "F8", "2026-09-09T10:00:00+07:00", true, true);
        // F9: the same event twice (exact duplicate id): counted once
        received("f9", "F9", "2026-09-06T10:00:00+07:00", "online", true, "none", true, DUE);
        received("f9", "F9", "2026-09-06T10:00:00+07:00", "online", true, "none", true, DUE);
        completed("f9c", "F9", "2026-09-09T11:00:00+07:00", true, true);
        // F10: cancelled before its deadline: received, never completed, not overdue
        received("f10", "F10", "2026-09-10T09:00:00+07:00", "offline", false, "offline", false,
                "2026-09-12T17:00:00+07:00");
        app.publish("14/14001/dossier", """
                {"id":"f10x","ts":"2026-09-11T09:00:00+07:00","dossierId":"F10","procedureCode":"1.004227",
                 "event":"cancelled"}""");
        // F11: completed exactly at its deadline: on time
        received("f11", "F11", "2026-09-10T10:00:00+07:00", "online", true, "online", true, "2026-09-15T17:00:00+07:00");
        completed("f11c", "F11", "2026-09-15T17:00:00+07:00", true, true);
        // F12: completed five days late
        received("f12", "F12", "2026-09-10T11:00:00+07:00", "online", true, "online", true, "2026-09-15T17:00:00+07:00");
        completed("f12c", "F12", "2026-09-20T10:00:00+07:00", true, false);
        // F13: backlog received in August, due in August, still open: overdue open at the end of September
        received("f13", "F13", "2026-08-20T09:00:00+07:00", "offline", false, "none", false, "2026-08-30T17:00:00+07:00");
        // F14: backlog received in August, completed late in September, fully online
        received("f14", "F14", "2026-08-25T09:00:00+07:00", "online", true, "online", true, "2026-09-01T12:00:00+07:00");
        completed("f14c", "F14", "2026-09-02T10:00:00+07:00", true, true);
        // the month boundary in ICT: the last second of September, the first of October, and that instant in UTC
        received("f15", "F15", "2026-09-30T23:59:59+07:00", "online", true, "none", true, "2026-10-10T17:00:00+07:00",
                "14002");
        received("f16", "F16", "2026-10-01T00:00:00+07:00", "online", true, "none", true, "2026-10-10T17:00:00+07:00",
                "14002");
        received("f17", "F17", "2026-09-30T17:00:00Z", "online", true, "none", true, "2026-10-10T17:00:00+07:00",
                "14002");
        // F19: open at the end of September, due ten hours later: nearly overdue
        received("f19", "F19", "2026-09-29T09:00:00+07:00", "offline", false, "offline", true,
                "2026-10-01T10:00:00+07:00", "14002");
        // F20: open at the end of September, due on the 25th: overdue open
        received("f20", "F20", "2026-09-20T09:00:00+07:00", "online", true, "online", true, "2026-09-25T17:00:00+07:00",
                "14002");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static void received(String id, String dossier, String ts, String channel, boolean fullProcess,
            String payment, boolean digitized, String dueAt) throws Exception {
        received(id, dossier, ts, channel, fullProcess, payment, digitized, dueAt, "14001");
    }

    private static void received(String id, String dossier, String ts, String channel, boolean fullProcess,
            String payment, boolean digitized, String dueAt, String commune) throws Exception {
        app.publish("14/" + commune + "/dossier", """
                {"id":"%s","ts":"%s","dossierId":"%s","procedureCode":"1.004227","event":"received",
                 "channel":"%s","fullProcess":%s,"dueAt":"%s","digitized":%s,"payment":"%s"}"""
                .formatted(id, ts, dossier, channel, fullProcess, dueAt, digitized, payment));
    }

    private static void completed(String id, String dossier, String ts, boolean eResult, boolean eSigned)
            throws Exception {
        app.publish("14/14001/dossier", """
                {"id":"%s","ts":"%s","dossierId":"%s","procedureCode":"1.004227","event":"completed",
                 "eResult":%s,"eSigned":%s}""".formatted(id, ts, dossier, eResult, eSigned));
    }

    // the distinct valid events of the fixture (F9's repeat is a duplicate), and F21's two
    private static final int FIXTURE_EVENTS = 33;
    private static final int LATE_EVENTS = 2;

    private static JsonNode september(String groupBy, String key, int events) throws Exception {
        app.awaitStoredAndRolledUp(events);
        return row(app.json("/api/v1/kpis?" + SEPTEMBER + "&province=14&groupBy=" + groupBy, "inspector"), key);
    }

    private static JsonNode row(JsonNode body, String key) {
        for (JsonNode row : body.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        return null;
    }

    private static Map<String, Object> counts(JsonNode row, String... names) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String name : names) {
            counts.put(name, row.get(name).isNull() ? null : row.get(name).isIntegralNumber()
                    ? (Object) row.get(name).asLong() : (Object) row.get(name).asDouble());
        }
        return counts;
    }

    @Test
    @Order(1)
    void septemberCountsEveryDossierOnceInItsOwnPeriod() throws Exception {
        JsonNode row = september("none", "all", FIXTURE_EVENTS);
        // received in September: F1–F12, F15, F19, F20 (F13, F14 in August; F16, F17 in October)
        // online: all but F3, F8 (its earliest received), F10, F19; digitised: all but F2, F6, F8, F10
        // with a fee: all but F2, F9, F15 (none); paid online: F1, F3, F4, F6, F7, F11, F12, F20
        // completed in September: F1–F9, F11, F12, F14; fully online: F1, F2, F7, F9, F11, F12, F14
        // late: F12 and F14; e-result: all but F6; e-signed: all but F2, F6, F12
        // open at the end: overdue F13 (backlog) and F20; nearly overdue F19; F10 cancelled, F15 not yet due
        assertThat(counts(row, "received", "receivedOnline", "digitized", "paymentDue", "paidOnline", "completed",
                "fullyOnline", "onTime", "overdueCompleted", "overdueOpen", "nearlyOverdue", "eResult", "eSigned"))
                .containsExactly(
                        Map.entry("received", 15L), Map.entry("receivedOnline", 11L), Map.entry("digitized", 11L),
                        Map.entry("paymentDue", 12L), Map.entry("paidOnline", 8L), Map.entry("completed", 12L),
                        Map.entry("fullyOnline", 7L), Map.entry("onTime", 10L), Map.entry("overdueCompleted", 2L),
                        Map.entry("overdueOpen", 2L), Map.entry("nearlyOverdue", 1L), Map.entry("eResult", 11L),
                        Map.entry("eSigned", 9L));
        assertThat(counts(row, "fullProcessOnlineRate", "onlineSubmissionRate", "digitisationRate",
                "onlinePaymentRate", "onTimeRate", "eResultRate", "eSignatureRate"))
                .containsExactly(
                        Map.entry("fullProcessOnlineRate", 7.0 / 12), Map.entry("onlineSubmissionRate", 11.0 / 15),
                        Map.entry("digitisationRate", 11.0 / 15), Map.entry("onlinePaymentRate", 8.0 / 12),
                        Map.entry("onTimeRate", 10.0 / 12), Map.entry("eResultRate", 11.0 / 12),
                        Map.entry("eSignatureRate", 9.0 / 12));
        assertThat(row.get("insufficientData")).isEmpty();
    }

    @Test
    @Order(2)
    void aCommuneBelowTheMinimumSampleIsMarkedButStillReported() throws Exception {
        september("none", "all", FIXTURE_EVENTS);
        JsonNode commune = row(app.json("/api/v1/kpis?" + SEPTEMBER + "&province=14&groupBy=commune", "inspector"),
                "14002");
        // F15, F19, F20 received in September in 14002: 2 online of 3
        assertThat(commune.get("received").asLong()).isEqualTo(3);
        assertThat(commune.get("onlineSubmissionRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(commune.get("overdueOpen").asLong()).isEqualTo(1);
        assertThat(commune.get("completed").asLong()).isZero();
        assertThat(commune.get("fullProcessOnlineRate").isNull()).as("no completed: no rate").isTrue();
        assertThat(commune.get("insufficientData").valueStream().map(JsonNode::asString))
                .contains("onlineSubmissionRate", "digitisationRate", "fullProcessOnlineRate");
    }

    @Test
    @Order(3)
    void theMonthBoundaryIsMidnightInIct() throws Exception {
        september("none", "all", FIXTURE_EVENTS);
        JsonNode days = app.json("/api/v1/kpis?from=2026-09-30&to=2026-10-02&province=14&groupBy=day", "inspector");
        assertThat(row(days, "2026-09-30").get("received").asLong()).as("23:59:59 ICT").isEqualTo(1);
        assertThat(row(days, "2026-10-01").get("received").asLong()).as("00:00:00 ICT and 17:00:00Z").isEqualTo(2);
        JsonNode august = app.json("/api/v1/kpis?from=2026-08-01&to=2026-09-01&province=14", "inspector");
        assertThat(row(august, "all").get("received").asLong()).as("F13 and F14").isEqualTo(2);
        assertThat(row(august, "all").get("overdueOpen").asLong()).as("F13 at the end of August").isEqualTo(1);
        JsonNode quarter = app.json("/api/v1/kpis?from=2026-07-01&to=2026-10-01&province=14&groupBy=quarter",
                "inspector");
        assertThat(row(quarter, "2026-07-01").get("received").asLong()).isEqualTo(17);
    }

    @Test
    @Order(3)
    void eachCommunePerMonthInOneAnswer() throws Exception {
        september("none", "all", FIXTURE_EVENTS);
        JsonNode body = app.json("/api/v1/kpis?from=2026-08-01&to=2026-10-01&province=14&groupBy=commune&per=month",
                "inspector");
        assertThat(body.get("per").asString()).isEqualTo("month");
        Map<String, Long> received = new LinkedHashMap<>();
        Map<String, Long> overdueOpen = new LinkedHashMap<>();
        for (JsonNode row : body.get("rows")) {
            String key = row.get("key").asString() + " " + row.get("period").asString();
            received.put(key, row.get("received").asLong());
            overdueOpen.put(key, row.get("overdueOpen").asLong());
        }
        // August: F13, F14 in 14001; September: 12 in 14001, F15, F19, F20 in 14002 (nothing in 14002 in August)
        assertThat(received).containsExactly(Map.entry("14001 2026-08-01", 2L), Map.entry("14001 2026-09-01", 12L),
                Map.entry("14002 2026-09-01", 3L));
        // F13 overdue at the end of both months; F20 at the end of September
        assertThat(overdueOpen).containsExactly(Map.entry("14001 2026-08-01", 1L),
                Map.entry("14001 2026-09-01", 1L), Map.entry("14002 2026-09-01", 1L));
        assertThat(app.get("/api/v1/kpis?" + SEPTEMBER + "&groupBy=month&per=day", "inspector").statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void aLateEventAfterThePeriodClosedCorrectsIt() throws Exception {
        september("none", "all", FIXTURE_EVENTS);
        // F21 arrives after September was reported: received online, fully online, completed on time
        received("f21", "F21", "2026-09-15T09:00:00+07:00", "online", true, "online", true, DUE);
        completed("f21c", "F21", "2026-09-18T10:00:00+07:00", true, true);
        JsonNode row = september("none", "all", FIXTURE_EVENTS + LATE_EVENTS);
        assertThat(counts(row, "received", "receivedOnline", "paidOnline", "completed", "fullyOnline", "onTime",
                "eSigned")).containsExactly(Map.entry("received", 16L), Map.entry("receivedOnline", 12L),
                Map.entry("paidOnline", 9L), Map.entry("completed", 13L), Map.entry("fullyOnline", 8L),
                Map.entry("onTime", 11L), Map.entry("eSigned", 10L));
        assertThat(row.get("fullProcessOnlineRate").asDouble()).isEqualTo(8.0 / 13);
        JsonNode byDay = app.json("/api/v1/kpis?" + SEPTEMBER + "&province=14&groupBy=day", "inspector");
        assertThat(row(byDay, "2026-09-15").get("received").asLong()).isEqualTo(1);
        assertThat(row(byDay, "2026-09-18").get("completed").asLong()).isEqualTo(1);
        // September from the monthly rollups (corrected too) and 1 October from the daily ones
        JsonNode monthAndDay = app.json("/api/v1/kpis?from=2026-09-01&to=2026-10-02&province=14", "inspector");
        assertThat(row(monthAndDay, "all").get("received").asLong()).isEqualTo(16 + 2);
    }

    @Test
    @Order(5)
    void theRollupsIngestionKeepsEqualARecomputationFromTheDossiers() throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        String province = jdbc.queryForObject("SELECT min(code) FROM province WHERE code <> '14'", String.class);
        List<String> communes = jdbc.queryForList(
                "SELECT code FROM commune WHERE province_code = ? ORDER BY code LIMIT 4", String.class, province);
        // Each dossier's steps in July 2026, sent in a random order, some twice with other ids and times (the
        // earlier must win, moving the dossier between days, communes and attributes), some completed before their
        // received, some cancelled, some never completed; as single messages and as batches.
        Random random = new Random(20261129);
        List<String[]> events = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String dossier = "R" + n;
            int receivedSends = random.nextInt(4) == 0 ? 2 : 1;
            Instant received = null;
            for (int i = 0; i < receivedSends; i++) {
                Instant ts = JULY.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
                received = received == null || ts.isBefore(received) ? ts : received;
                events.add(new String[] {communes.get(random.nextInt(communes.size())), """
                        {"id":"%s-r%d","ts":"%s","dossierId":"%s","procedureCode":"%s","event":"received",
                         "channel":"%s","fullProcess":%s,"dueAt":"%s","digitized":%s,"payment":"%s"}""".formatted(
                        dossier, i, ts, dossier, random.nextBoolean() ? "1.004227" : "2.001711",
                        random.nextBoolean() ? "online" : "offline", random.nextBoolean(),
                        ts.plus(Duration.ofHours(random.nextInt(96))), random.nextBoolean(),
                        List.of("online", "offline", "none").get(random.nextInt(3)))});
            }
            int closing = random.nextInt(5);
            for (int i = 0; i < (closing == 0 ? 0 : closing == 1 ? 2 : 1); i++) {
                Instant ts = received.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60) - 24 * 60));
                boolean cancelled = closing == 4;
                events.add(new String[] {communes.get(0), """
                        {"id":"%s-c%d","ts":"%s","dossierId":"%s","procedureCode":"1.004227","event":"%s"%s}"""
                        .formatted(dossier, i, ts, dossier, cancelled ? "cancelled" : "completed", cancelled ? ""
                                : ",\"eResult\":%s,\"eSigned\":%s".formatted(random.nextBoolean(),
                                        random.nextBoolean()))});
            }
        }
        Collections.shuffle(events, random);
        for (int i = 0; i < events.size();) {
            int size = random.nextBoolean() ? 1 : 1 + random.nextInt(30);
            List<String[]> message = events.subList(i, Math.min(i + size, events.size()));
            // a batch goes to its first event's commune: the topic gives every element of it its commune
            app.publish(province + "/" + message.get(0)[0] + "/dossier", size == 1 ? message.get(0)[1]
                    : message.stream().map(e -> e[1]).collect(Collectors.joining(",", "[", "]")));
            i += message.size();
        }
        app.awaitStoredAndRolledUp(FIXTURE_EVENTS + LATE_EVENTS + events.size());

        Map<String, List<Map<String, Object>>> kept = rollupTables(jdbc);
        assertThat(kept.get("dossier_day_commune")).anyMatch(row -> row.get("province").equals(province));
        // every day a dossier falls on now, and every day ingestion left a row for (a row a dossier left must go)
        jdbc.update("""
                INSERT INTO rollup_dirty (province, day)
                SELECT province, (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                FROM dossier, unnest(ARRAY[received_ts, completed_ts]) AS ts WHERE ts IS NOT NULL
                UNION SELECT province, day FROM dossier_day_commune
                UNION SELECT province, day FROM dossier_day_procedure
                UNION SELECT province, day FROM dossier_day_province""");
        app.awaitStoredAndRolledUp(FIXTURE_EVENTS + LATE_EVENTS + events.size());
        assertThat(rollupTables(jdbc)).isEqualTo(kept);
        // both read channel and payment by their wire values: a bulk load cannot write others
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, payment)
                VALUES (?, 'cash-1', ?, '1.004227', now(), 'cash')""", province, communes.get(0)))
                .hasMessageContaining("dossier_payment_wire");
    }

    private static final Instant JULY = Instant.parse("2026-06-30T17:00:00Z");

    /** Every row of the six dossier rollup tables, in key order. */
    private static Map<String, List<Map<String, Object>>> rollupTables(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("dossier_day_commune", "dossier_day_procedure", "dossier_day_province",
                "dossier_month_commune", "dossier_month_procedure", "dossier_month_province")) {
            tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2, 3"));
        }
        return tables;
    }

    @Test
    @Order(6)
    void eachMonthlyRollupIsTheSumOfItsDays() {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        String counts = "received, received_online, digitized, payment_due, paid_online, completed, fully_online, "
                + "on_time, overdue_completed, e_result, e_signed";
        String sums = "sum(received), sum(received_online), sum(digitized), sum(payment_due), sum(paid_online), "
                + "sum(completed), sum(fully_online), sum(on_time), sum(overdue_completed), sum(e_result), "
                + "sum(e_signed)";
        for (String[] grain : new String[][] {{"commune", ", commune"}, {"procedure", ", procedure_code"},
                {"province", ""}}) {
            String months = "SELECT province, month" + grain[1] + ", " + counts + " FROM dossier_month_" + grain[0];
            String days = "SELECT province, date_trunc('month', day)::date" + grain[1] + ", " + sums
                    + " FROM dossier_day_" + grain[0] + " GROUP BY 1, 2" + (grain[1].isEmpty() ? "" : ", 3");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dossier_month_" + grain[0], Long.class))
                    .as(grain[0]).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + months + " EXCEPT " + days + ") UNION ALL ("
                    + days + " EXCEPT " + months + ")) AS differences", Long.class)).as(grain[0]).isZero();
        }
    }
}
