package io.iocmonitor.kpi;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.iocmonitor.base.WorkMarks;

/**
 * Recomputes, from the dossier table, the daily and monthly dossier rollups of the province-days marked in
 * {@code rollup_dirty} (by whatever writes dossiers directly: bulk loads, repairs; ingestion keeps these rollups
 * itself), and the open-dossier counts at the end of each past day: exact whatever order and however late events
 * arrive. Several servers can refresh at once: each claims other rows.
 */
@Repository
class DossierRollups {

    // The marks of up to ? province-days, as they are now: marks committed later (even with a lower id) are not
    // read, so not deleted, and so recomputed next time. %1$s: the dirty table, %2$s: the order claimed in.
    private static final String CLAIM = """
            SELECT id, province, day FROM %1$s WHERE (province, day) IN (
                SELECT DISTINCT province, day FROM %1$s ORDER BY %2$s LIMIT ?)""";

    private static final String DAYS = "unnest(?::text[], ?::date[]) AS x(province, day)";

    // Each dossier once on the day of its received and once on the day of its completed, in ICT. LATERAL keeps the
    // plan an index range scan per province-day: joined plainly, hundreds of days make a hash join over the table.
    private static final String FACTS = """
            SELECT x.province, x.day, d.*
            FROM %1$s CROSS JOIN LATERAL (
                SELECT commune, procedure_code,
                       1 AS received, (channel = 'online')::int AS received_online, digitized::int AS digitized,
                       (payment <> 'none')::int AS payment_due, (payment = 'online')::int AS paid_online,
                       0 AS completed, 0 AS fully_online, 0 AS on_time, 0 AS overdue_completed, 0 AS e_result,
                       0 AS e_signed
                FROM dossier
                WHERE province = x.province
                  AND received_ts >= x.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                  AND received_ts < (x.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                UNION ALL
                SELECT commune, procedure_code, 0, 0, 0, 0, 0, 1,
                       (channel = 'online' AND full_process AND payment IN ('online', 'none') AND e_result)::int,
                       (completed_ts <= due_at)::int, (completed_ts > due_at)::int, e_result::int, e_signed::int
                FROM dossier
                WHERE province = x.province
                  AND completed_ts >= x.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                  AND completed_ts < (x.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
            ) AS d
            """.formatted(DAYS);

    private static final String SUMS = """
            coalesce(sum(received), 0), coalesce(sum(received_online), 0), coalesce(sum(digitized), 0),
            coalesce(sum(payment_due), 0), coalesce(sum(paid_online), 0), coalesce(sum(completed), 0),
            coalesce(sum(fully_online), 0), coalesce(sum(on_time), 0), coalesce(sum(overdue_completed), 0),
            coalesce(sum(e_result), 0), coalesce(sum(e_signed), 0)""";


    // The open dossiers at the end of each claimed day (the start of the next, ICT), per commune and procedure:
    // overdue (due before that moment) and nearly overdue (due within 24 h after it). See DossierKpiRepository.
    // Grouped by day: the index of overdue spans finds a moment's overdue dossiers nationwide, so each day is
    // searched once for all its claimed provinces.
    private static final String OPEN_AT_DAY_END = """
            SELECT o.province, x.day, o.commune, o.procedure_code, o.overdue::int AS overdue_open,
                   (NOT o.overdue)::int AS nearly_overdue
            FROM (SELECT day, array_agg(province) AS provinces, (day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS m
                  FROM %1$s GROUP BY day) AS x
            CROSS JOIN LATERAL (
                SELECT province, commune, procedure_code, true AS overdue FROM (
                    -- OFFSET 0: filter the few overdue rows, rather than intersect with a scan of the province index
                    SELECT province, commune, procedure_code, received_ts FROM dossier
                    WHERE due_at < COALESCE(LEAST(completed_ts, cancelled_ts), 'infinity')
                      AND tstzrange(due_at, LEAST(completed_ts, cancelled_ts), '(]') @> x.m
                    OFFSET 0) AS overdue
                WHERE received_ts < x.m AND province = ANY (x.provinces)
                UNION ALL
                SELECT province, commune, procedure_code, false FROM (
                    SELECT * FROM dossier WHERE due_at >= x.m AND due_at < x.m + interval '24 hours' OFFSET 0) AS due
                WHERE received_ts < x.m AND province = ANY (x.provinces)
                  AND (completed_ts IS NULL OR completed_ts >= x.m) AND (cancelled_ts IS NULL OR cancelled_ts >= x.m)
            ) AS o
            """.formatted(DAYS);

    // Days that have ended since the last run: every province's end of day is computed once.
    private static final String CATCH_UP = """
            WITH p AS (SELECT through FROM open_snapshot_progress FOR UPDATE),
                 first AS (SELECT COALESCE((SELECT through + 1 FROM p),
                                           (SELECT min(received_ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossier),
                                           CAST(? AS date)) AS day),
                 marked AS (
                     INSERT INTO open_dirty (province, day)
                     SELECT province.code, d::date FROM province, first,
                            generate_series(first.day, CAST(? AS date), interval '1 day') AS d)
            UPDATE open_snapshot_progress SET through = CAST(? AS date)""";

    // The months of the claimed days, each once.
    private static final String MONTHS = "(SELECT DISTINCT province, date_trunc('month', day)::date AS month FROM "
            + DAYS + ") AS x";

    /**
     * A family of rollup tables ({@code <prefix>commune}, {@code …procedure}, {@code …province}) recomputed from
     * facts per province-day, for the days claimed from its dirty table; with {@code monthly}, also the
     * {@code dossier_month_} tables of the claimed days' months.
     */
    private record Kind(String dirtyTable, String claimOrder, String facts, String sums, String prefix,
            boolean monthly, long lockKey) {

        String claim() {
            return CLAIM.formatted(dirtyTable, claimOrder);
        }
    }

    // Advisory lock keys: "IOCROLL1", "IOCROLL2" as numbers. The period rollups are computed per province-day; the
    // day-ends per day for all claimed provinces at once, so they are claimed a day at a time: a backlog of day-ends
    // is then one search per day, not one per province-day.
    private static final Kind PERIOD = new Kind("rollup_dirty", "province, day", FACTS, SUMS, "dossier_day_", true,
            0x494F43524F4C4C31L);
    private static final Kind OPEN = new Kind("open_dirty", "day, province", OPEN_AT_DAY_END,
            "coalesce(sum(overdue_open), 0), coalesce(sum(nearly_overdue), 0)", "dossier_open_", false,
            0x494F43524F4C4C32L);

    private final JdbcTemplate jdbc;

    DossierRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks for computing the end of every day that has ended since the last call, up to yesterday. */
    @Transactional
    public void catchUpEndedDays(LocalDate today) {
        Date yesterday = Date.valueOf(today.minusDays(1));
        Date through = jdbc.queryForObject("SELECT through FROM open_snapshot_progress", Date.class);
        if (through == null || through.before(yesterday)) {
            jdbc.update(CATCH_UP, yesterday, yesterday, yesterday);
        }
    }

    /** Recomputes up to {@code limit} marked end-of-day open counts; returns how many province-days. */
    @Transactional
    public int refreshOpen(int limit) {
        return recompute(OPEN, limit);
    }

    /** Recomputes up to {@code limit} dirty province-days of the period rollups; returns how many. */
    @Transactional
    public int refresh(int limit) {
        return recompute(PERIOD, limit);
    }

    private int recompute(Kind kind, int limit) {
        // one refresher at a time, across servers; the others find the work done
        if (!WorkMarks.takeTurn(jdbc, kind.lockKey())) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        Set<List<Object>> claimed = new LinkedHashSet<>();
        jdbc.query(kind.claim(), rs -> {
            ids.add(rs.getLong(1));
            claimed.add(List.of(rs.getString(2), rs.getDate(3)));
        }, limit);
        if (claimed.isEmpty()) {
            return 0;
        }
        if (kind == PERIOD) {
            // ingestion adds to these rollups as it merges: recompute from a dossier table it is not changing
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, RollupCounts.WRITE_LOCK);
        }
        String[] provinces = claimed.stream().map(c -> (String) c.get(0)).toArray(String[]::new);
        Date[] days = claimed.stream().map(c -> (Date) c.get(1)).toArray(Date[]::new);
        if (kind.monthly()) {
            shiftMonths(kind, "-", provinces, days); // the days' old rows leave their months...
        }
        for (Grain grain : List.of(Grain.COMMUNE, Grain.PROCEDURE)) {
            String table = kind.prefix() + grain.table();
            jdbc.update("DELETE FROM " + table + " t USING " + DAYS + " WHERE t.province = x.province AND t.day = x.day",
                    provinces, days);
            jdbc.update("INSERT INTO " + table + " SELECT province, day, " + grain.key() + ", " + kind.sums()
                    + " FROM (" + kind.facts() + ") f GROUP BY province, day, " + grain.key(), provinces, days);
        }
        String provinceTable = kind.prefix() + Grain.PROVINCE.table();
        jdbc.update("DELETE FROM " + provinceTable + " t USING " + DAYS
                + " WHERE t.province = x.province AND t.day = x.day", provinces, days);
        jdbc.update("INSERT INTO " + provinceTable + " SELECT t.province, t.day, " + summed(kind)
                + " FROM " + kind.prefix() + Grain.COMMUNE.table() + " t JOIN " + DAYS
                + " ON t.province = x.province AND t.day = x.day GROUP BY t.province, t.day", provinces, days);
        if (kind.monthly()) {
            shiftMonths(kind, "+", provinces, days); // ...and their new rows join them
        }
        WorkMarks.done(jdbc, kind.dirtyTable(), ids);
        return claimed.size();
    }

    /**
     * Adds ({@code +}) or takes away ({@code -}) the given province-days' daily rows to or from their months, in every
     * grain: a month stays the sum of its days by the difference of the days that changed, never re-reading the
     * month. A month row left with nothing received or completed (a key no day has any more) is removed.
     */
    private void shiftMonths(Kind kind, String sign, String[] provinces, Date[] days) {
        for (Grain grain : Grain.values()) {
            String key = grain == Grain.PROVINCE ? "" : ", " + grain.key();
            String month = "dossier_month_" + grain.table();
            jdbc.update("INSERT INTO " + month + " AS m SELECT t.province, date_trunc('month', t.day)::date"
                    + (key.isEmpty() ? "" : ", t." + grain.key()) + ", "
                    + String.join(", ", RollupCounts.COLUMNS.stream().map(c -> sign + "sum(t." + c + ")").toList())
                    + " FROM " + kind.prefix() + grain.table() + " t JOIN " + DAYS
                    + " ON t.province = x.province AND t.day = x.day GROUP BY 1, 2" + (key.isEmpty() ? "" : ", 3")
                    + " ON CONFLICT (province, month" + key + ") DO UPDATE SET "
                    + String.join(", ", RollupCounts.COLUMNS.stream().map(c -> c + " = m." + c + " + EXCLUDED." + c).toList()),
                    provinces, days);
            if (sign.equals("+")) {
                jdbc.update("DELETE FROM " + month + " m USING " + MONTHS + " WHERE m.province = x.province"
                        + " AND m.month = x.month AND m.received = 0 AND m.completed = 0", provinces, days);
            }
        }
    }

    /** The kind's sums over the rows of a rollup table aliased t. */
    private static String summed(Kind kind) {
        return kind.sums().replace("sum(", "sum(t.");
    }

    /** A rollup table's grain: its name's suffix and the column that keys its rows within a province-day. */
    private enum Grain {
        COMMUNE("commune", "commune"), PROCEDURE("procedure", "procedure_code"), PROVINCE("province", "province");

        private final String table;
        private final String key;

        Grain(String table, String key) {
            this.table = table;
            this.key = key;
        }

        String table() {
            return table;
        }

        String key() {
            return key;
        }
    }
}
