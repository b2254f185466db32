package io.iocmonitor.kpi;

import java.sql.Date;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the daily dossier rollups of the province-days a merge marked dirty, from the dossier table: exact
 * whatever order and however late events arrive. Several servers can refresh at once: each claims other rows.
 */
@Repository
class DossierRollups {

    private static final String CLAIM = """
            DELETE FROM rollup_dirty WHERE (province, day) IN (
                SELECT province, day FROM rollup_dirty ORDER BY province, day LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING province, day""";

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

    private final JdbcTemplate jdbc;

    DossierRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes up to {@code limit} dirty province-days; returns how many. */
    @Transactional
    public int refresh(int limit) {
        List<Object[]> claimed = jdbc.query(CLAIM, (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2)}, limit);
        if (claimed.isEmpty()) {
            return 0;
        }
        // JIT compilation would cost more than these index range scans save
        jdbc.execute("SET LOCAL jit = off");
        String[] provinces = claimed.stream().map(c -> (String) c[0]).toArray(String[]::new);
        Date[] days = claimed.stream().map(c -> (Date) c[1]).toArray(Date[]::new);
        for (String grain : List.of("commune", "procedure_code")) {
            String table = grain.equals("commune") ? "dossier_day_commune" : "dossier_day_procedure";
            jdbc.update("DELETE FROM " + table + " t USING " + DAYS + " WHERE t.province = x.province AND t.day = x.day",
                    provinces, days);
            jdbc.update("INSERT INTO " + table + " SELECT province, day, " + grain + ", " + SUMS + " FROM (" + FACTS
                    + ") f GROUP BY province, day, " + grain, provinces, days);
        }
        jdbc.update("DELETE FROM dossier_day_province t USING " + DAYS
                + " WHERE t.province = x.province AND t.day = x.day", provinces, days);
        jdbc.update("INSERT INTO dossier_day_province SELECT t.province, t.day, " + SUMS.replace("sum(", "sum(t.")
                + " FROM dossier_day_commune t JOIN " + DAYS + " ON t.province = x.province AND t.day = x.day"
                + " GROUP BY t.province, t.day", provinces, days);
        return claimed.size();
    }
}
