package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.iocmonitor.IocMonitorApplication;
import io.iocmonitor.TestServices;
import io.iocmonitor.security.OutOfScopeException;
import io.iocmonitor.security.ProvinceScope;

/**
 * The SLA breach list on a real PostgreSQL: exactly the dossiers behind the {@code overdueOpen} and
 * {@code overdueCompleted} counts, most overdue first, limited, and cut to the caller's scope.
 */
class SlaBreachIT {

    private static final String DATABASE = "ioc_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final LocalDate FROM = LocalDate.of(2025, 10, 1);
    private static final LocalDate TO = LocalDate.of(2025, 11, 1);

    private static ConfigurableApplicationContext app;
    private static SlaBreachService breaches;

    @BeforeAll
    static void startApplicationWithDossiers() throws Exception {
        List<String> args = new ArrayList<>(TestServices.applicationArguments(DATABASE));
        args.add("--server.port=0");
        app = new SpringApplicationBuilder(IocMonitorApplication.class).run(args.toArray(String[]::new));
        breaches = app.getBean(SlaBreachService.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        // province, id, commune, received, due, completed, cancelled (ICT dates at 09:00)
        dossier(jdbc, "01", "on-time", "01001", "2025-10-02", "2025-10-05", "2025-10-04", null);
        dossier(jdbc, "01", "late", "01002", "2025-10-02", "2025-10-05", "2025-10-07", null);
        dossier(jdbc, "01", "backlog", "01001", "2025-09-20", "2025-09-25", null, null);
        dossier(jdbc, "01", "not-yet-due", "01001", "2025-10-10", "2025-11-10", null, null);
        dossier(jdbc, "01", "cancelled", "01001", "2025-10-03", "2025-10-06", null, "2025-10-05");
        dossier(jdbc, "01", "completed-after-period", "01001", "2025-10-03", "2025-10-06", "2025-11-03", null);
        dossier(jdbc, "79", "other-province", "79001", "2025-10-03", "2025-10-06", null, null);
        // written past the ingest's merge: have the rollups (the period counts) and the day-end snapshots (the open
        // counts at a past period's end) recomputed, as the ingest's marks would
        for (String marks : List.of("rollup_dirty", "open_dirty")) {
            jdbc.update("""
                    INSERT INTO %s (province, day)
                    SELECT p, CAST(d AS date) FROM unnest(ARRAY['01', '79']) AS p,
                           generate_series(CAST('2025-09-01' AS date), CAST('2025-11-30' AS date), interval '1 day') AS d
                    """.formatted(marks));
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (jdbc.queryForObject("SELECT (SELECT count(*) FROM rollup_dirty) + (SELECT count(*) FROM open_dirty)",
                Long.class) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the rollups were not recomputed within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private static void dossier(JdbcTemplate jdbc, String province, String id, String commune, String received,
            String due, String completed, String cancelled) {
        jdbc.update("""
                INSERT INTO dossier (province, dossier_id, commune, procedure_code, received_ts, channel, full_process,
                                     due_at, digitized, payment, completed_ts, e_result, e_signed, cancelled_ts)
                VALUES (?, ?, ?, '1.000001', ?, 'online', true, ?, true, 'none', ?, true, true, ?)""",
                province, id, commune, at(received), at(due), at(completed), at(cancelled));
    }

    private static OffsetDateTime at(String date) {
        return date == null ? null : OffsetDateTime.parse(date + "T09:00:00+07:00");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (TestServices.isListening(5432)) {
            TestServices.dropDatabase(DATABASE);
        }
    }

    @Test
    void listsOverdueOpenMostOverdueFirstThenCompletedLate() {
        SlaBreaches list = breaches.breaches(FROM, TO, "01", null, 100, ProvinceScope.national());
        assertThat(list.rows()).extracting(SlaBreach::dossierId)
                .containsExactly("backlog", "completed-after-period", "late");
        assertThat(list.rows()).extracting(SlaBreach::kind).containsExactly(SlaBreach.Kind.OVERDUE_OPEN,
                SlaBreach.Kind.OVERDUE_OPEN, SlaBreach.Kind.COMPLETED_LATE);
        assertThat(list.rows().getFirst().completedTs()).isNull();
        assertThat(list.rows().getLast().completedTs()).isEqualTo(at("2025-10-07").toInstant());
        assertThat(list.total()).isEqualTo(3);
    }

    @Test
    void theListMatchesTheCounts() {
        DossierCounts counts = app.getBean(KpiService.class)
                .dossierKpis(new KpiQuery(FROM, TO, GroupBy.NONE, "01"), ProvinceScope.national()).rows().getFirst();
        SlaBreaches list = breaches.breaches(FROM, TO, "01", null, 100, ProvinceScope.national());
        assertThat(list.rows().stream().filter(b -> b.kind() == SlaBreach.Kind.OVERDUE_OPEN).count())
                .isEqualTo(counts.overdueOpen());
        assertThat(list.rows().stream().filter(b -> b.kind() == SlaBreach.Kind.COMPLETED_LATE).count())
                .isEqualTo(counts.overdueCompleted());
    }

    @Test
    void theLimitCutsTheRowsButNotTheTotal() {
        SlaBreaches list = breaches.breaches(FROM, TO, "01", null, 1, ProvinceScope.national());
        assertThat(list.rows()).extracting(SlaBreach::dossierId).containsExactly("backlog");
        assertThat(list.total()).isEqualTo(3);
    }

    @Test
    void aCommuneNarrowsTheList() {
        assertThat(breaches.breaches(FROM, TO, "01", "01002", 100, ProvinceScope.national()).rows())
                .extracting(SlaBreach::dossierId).containsExactly("late");
    }

    @Test
    void theScopeCutsTheList() {
        assertThat(breaches.breaches(FROM, TO, null, null, 100, ProvinceScope.national()).total()).isEqualTo(4);
        ProvinceScope leader = ProvinceScope.of("01");
        assertThat(breaches.breaches(FROM, TO, null, null, 100, leader).rows())
                .allMatch(b -> b.province().equals("01")).hasSize(3);
        assertThatThrownBy(() -> breaches.breaches(FROM, TO, "79", null, 100, leader))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> breaches.breaches(FROM, TO, null, "79001", 100, leader))
                .isInstanceOf(OutOfScopeException.class);
    }
}
